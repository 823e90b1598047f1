// A local nginx in front of service replicas, with the proxy directives of docker/nginx.conf that matter when a
// replica stops (proxy_next_upstream error timeout http_503; keep-alive upstream connections). Needs the
// `nginx` binary (Debian: apt-get install nginx-light); the scenario using it is skipped without one.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './service.mjs';

export const nginxBinary = () => ['/usr/sbin/nginx', 'nginx'].find((b) => spawnSync(b, ['-v']).status === 0) ?? null;

export async function startNginx(port, upstreamPorts) {
  const bin = nginxBinary();
  const dir = mkdtempSync('/tmp/ipt-faults-nginx-');
  chmodSync(dir, 0o755); // workers may run as another user
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream api {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_connect_timeout 3s;
      proxy_read_timeout 30s;
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 10s;
    }
  }
}
`,
  );
  const child = spawn(bin, ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/health/live`)).status === 200) break;
    } catch {
      /* not yet */
    }
    if (i > 100) throw new Error(`nginx did not start: ${stderr}`);
    await sleep(100);
  }
  return {
    base,
    // SIGTERM, not SIGKILL: the master stops its workers (killed, it would leave them orphaned on the port)
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
