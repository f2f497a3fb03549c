// /images/{id} – one image's facts, labels, manifest artifacts, architecture change and delete.
import type { Metadata } from "next";
import { ImageDetailPage } from "@/components/images/image-detail-page";

export const metadata: Metadata = { title: "Image" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImageDetailPage id={id} />;
}
