/**
 * The page inside a diagram's sandboxed iframe (diagram.html): an opaque origin with scripts and
 * nothing else, so mermaid, its DOMPurify hooks and whatever a diagram makes it do stay here,
 * away from the staff page's DOM, cookies and API. It draws one diagram and says how tall it is.
 */
import { config } from 'zod/v4/core';
import { DiagramRequest, type DiagramReply } from './diagram-messages.js';
import { withoutDirectives } from './without-directives.js';

config({ jitless: true });

const reply = (message: DiagramReply) => window.parent.postMessage(message, '*');

const { default: mermaid } = await import('mermaid');
mermaid.initialize({
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  suppressErrorRendering: true,
  secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'theme', 'themeCSS', 'themeVariables', 'fontFamily'],
});

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const request = DiagramRequest.safeParse(event.data);
  if (!request.success) return;
  const root = document.getElementById('diagram')!;
  mermaid
    .render('diagram-svg', withoutDirectives(request.data.source))
    .then(({ svg }) => {
      root.innerHTML = svg;
      reply({ type: 'drawn', height: Math.ceil(root.getBoundingClientRect().height) });
    })
    .catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
reply({ type: 'ready' });
