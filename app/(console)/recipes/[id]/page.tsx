// /recipes/{id} – one recipe's facts, archive download, architecture change, edit and delete.
import type { Metadata } from "next";
import { RecipeDetailPage } from "@/components/recipes/recipe-detail-page";

export const metadata: Metadata = { title: "Recipe" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RecipeDetailPage id={id} />;
}
