/**
 * Loaded only in draft mode. Payload's live preview shows this page in an iframe and, after each save or autosave,
 * posts `payload-document-event`; the page then reloads to show the saved draft (the server renders it, as for
 * readers). `ready` tells the admin the page listens. Messages from any other origin are ignored.
 */
const cmsOrigin = (document.currentScript as HTMLScriptElement | null)?.dataset.cmsOrigin;
if (cmsOrigin && window.parent !== window) {
  window.parent.postMessage({ type: 'payload-live-preview', ready: true }, cmsOrigin);
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('message', (event: MessageEvent<{ type?: unknown }>) => {
    if (event.origin !== cmsOrigin || event.data?.type !== 'payload-document-event') return;
    clearTimeout(timer);
    timer = setTimeout(() => window.location.reload(), 150);
  });
}
