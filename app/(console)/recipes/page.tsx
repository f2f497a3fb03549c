// /recipes – image recipes with their architecture, and the New recipe dialog (record + archive).
import type { Metadata } from "next";
import { RecipesPage } from "@/components/recipes/recipes-page";

export const metadata: Metadata = { title: "Recipes" };

export default function Page() {
  return <RecipesPage />;
}
