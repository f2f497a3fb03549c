// Runs once when the server starts: migrate the database and load the image table before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startupOrExit } = await import("./lib/startup");
  await startupOrExit();
}
