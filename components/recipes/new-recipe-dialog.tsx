"use client";
import { Dialog } from "@/components/ui/dialog";
// The New recipe dialog. Closing it while the archive is uploading cancels the upload, and the
// half-made recipe is removed.
import { useCreateRecipe } from "@/lib/queries/use-create-recipe";
import { NewRecipeForm } from "./new-recipe-form";

export function NewRecipeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateRecipe();
  const close = () => {
    create.cancel();
    create.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New recipe"
      description="Creates the recipe and uploads its archive in one step; if the archive is refused, nothing is kept."
      size="lg"
    >
      <NewRecipeForm create={create} onCancel={close} onCreated={onClose} />
    </Dialog>
  );
}
