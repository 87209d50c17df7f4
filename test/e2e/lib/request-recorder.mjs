// A stand-in registry on 127.0.0.1, also set as the extension host's HTTP proxy (`http.proxy`), that
// answers every request with a registry-style 404 and writes one line per request to a log file the
// extension-host tests read: the online image-size lookup must reach it in a trusted workspace and
// nothing may reach it in an untrusted one.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

export async function startRequestRecorder(logFile) {
  writeFileSync(logFile, '');
  const server = createServer((request, response) => {
    appendFileSync(logFile, `${request.method} ${request.url}\n`);
    response.writeHead(404, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0' });
    response.end(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] }));
  });
  // As the HTTP proxy of the extension host it also sees HTTPS requests to any host, as CONNECTs.
  server.on('connect', (request, socket) => {
    appendFileSync(logFile, `${request.method} ${request.url}\n`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
