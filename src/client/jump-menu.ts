/** Folds the phone's "On this page" jump menu (src/components/Toc.astro) once a link in it is followed. */
export function startJumpMenu(): void {
  const menu = document.querySelector<HTMLDetailsElement>('[data-toc-jump]');
  menu?.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) menu.open = false;
  });
}
