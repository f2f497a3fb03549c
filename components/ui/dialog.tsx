"use client";
// A modal dialog: labelled by its title, focus kept inside while open and given back on close,
// Escape closes. Rendered into <body> so no ancestor's overflow or stacking clips it.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef } from "react";
import { createPortal } from "react-dom";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: "sm" | "md" | "lg";
  /** "drawer": full height at the right edge, for details beside a list. */
  variant?: "modal" | "drawer";
};

const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl" };

export function Dialog({ open, onClose, title, description, children, size = "md", variant = "modal" }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  // Held in a ref so a parent re-rendering with a new callback does not re-run the focus effect.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  // A layout effect, so the element to give focus back to is read before any child's effect moves focus.
  useLayoutEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    // The close button comes first in the DOM but is the least likely next step.
    if (panel)
      (
        panel.querySelector<HTMLElement>("[data-autofocus]") ??
        focusablesIn(panel).find((el) => !el.hasAttribute("data-dialog-close")) ??
        panel
      ).focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      document.body.style.overflow = overflow;
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  if (!open || typeof document === "undefined") return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (e.key !== "Tab" || !panelRef.current) return;
    const items = focusablesIn(panelRef.current);
    if (items.length === 0) return e.preventDefault();
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === panelRef.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className={
        variant === "drawer"
          ? "fixed inset-0 z-50 flex justify-end bg-slate-900/40"
          : "fixed inset-0 z-50 overflow-y-auto bg-slate-900/50 px-4 py-8 backdrop-blur-[1px] sm:py-12"
      }
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={
          variant === "drawer"
            ? `flex h-full w-full ${WIDTHS[size]} flex-col overflow-y-auto border-l border-slate-200 bg-white shadow-2xl focus:outline-none`
            : `mx-auto w-full ${WIDTHS[size]} rounded-lg border border-slate-200 bg-white shadow-2xl focus:outline-none`
        }
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <div>
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="mt-1 text-sm text-slate-600">
                {description}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            aria-label="Close"
            data-dialog-close
            className="-mr-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** The bottom bar of a dialog: actions right-aligned, stuck to the viewport's bottom while a tall dialog scrolls.
 *  Sticky offsets count from inside the overlay's padding, so the negative offset (= that padding) puts the
 *  bar on the viewport's edge instead of leaving a strip of scrolled content visible beneath it. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="sticky -bottom-8 z-10 sm:-bottom-12 flex items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
      {children}
    </div>
  );
}

export function DialogBody({ children }: { children: ReactNode }) {
  return <div className="space-y-5 px-5 py-4">{children}</div>;
}
