// Moving between portal screens without a reload: a navigate() in context, links that use it (a modified click still
// opens a new tab), and each screen's document title.
import { createContext, useContext, useEffect, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { pageTitle } from './portal-view';

export type Navigate = (to: string, opts?: { replace?: boolean }) => void;

export const NavigateContext = createContext<Navigate>((to) => window.location.assign(to));

export const useNavigate = (): Navigate => useContext(NavigateContext);

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function PortalLink({ to, onClick, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    // Ctrl/Cmd/Shift/middle clicks keep the browser's own meaning (new tab or window).
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}

/** Sets the tab's title while the screen shows. */
export function usePageTitle(heading: string): void {
  useEffect(() => {
    document.title = pageTitle(heading);
  }, [heading]);
}

/** The id of each screen's <h1>: the portal moves focus there after a navigation, so screen readers hear the new page. */
export const PAGE_HEADING_ID = 'portal-title';
