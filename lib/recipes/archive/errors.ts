// Why a recipe archive was refused. An HttpError (422), so an upload handler can let it through.
import { HttpError } from "@/lib/http/errors";

export class RecipeArchiveError extends HttpError {
  constructor(
    /** What is wrong, without the entry name. */
    readonly reason: string,
    /** The archive entry at fault, as it is spelled in the archive, when one is. */
    readonly entry?: string,
  ) {
    super(422, entry === undefined ? `Recipe archive: ${reason}` : `Recipe archive entry "${entry}": ${reason}`);
    this.name = "RecipeArchiveError";
  }
}
