// The `oidc-provider` package ships no types; the OIDC test uses a handful of its calls.
declare module "oidc-provider";
