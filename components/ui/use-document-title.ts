"use client";
// Names the object a client page shows in the browser tab ("cluster arm-lab · Archway") once its data
// has loaded; until then the route's static metadata title stands.
import { useEffect } from "react";

export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · Archway`;
  }, [title]);
}
