// nginx serving files from a folder, configured as Debian ships it (/etc/nginx/nginx.conf: access log on, sendfile,
// gzip), every file under /news/ as text/html: the yardstick a page server is compared with.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { startProcess } from './processes.mjs';

export function nginxConfig(dir, port, rootDir) {
  return `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 768; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/nginx-access.log;
  gzip on;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${rootDir};
    location /news/ { default_type text/html; }
  }
}
`;
}

/** Starts nginx on `port` serving `rootDir`, its config, pid and logs in `dir`; returns the child (a process group). */
export function startNginx(dir, port, rootDir) {
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(dir, port, rootDir));
  return startProcess('nginx', ['-c', conf, '-e', path.join(dir, 'nginx-error.log')], { cwd: dir });
}
