import { request } from 'node:http';

/**
 * POSTs a body and reads the answer as soon as it arrives, even while the body is still being
 * written: a server refusing an oversized body answers first and closes, and fetch would report
 * only the closed socket, not the answer a browser-facing client needs to show.
 */
export function postEarlyAnswer(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(body);
  });
}
