// The `s3rver` package ships no types; test/s3-server.ts uses its constructor, run and close.
declare module "s3rver" {
  export default class S3rver {
    constructor(options: Record<string, unknown>);
    run(): Promise<import("node:net").AddressInfo>;
    close(): Promise<void>;
  }
}
