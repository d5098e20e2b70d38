#!/usr/bin/env node
// `npx scorebook …`: the package tool (inspect, verify). It runs the built CLI (out/main/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('未找到已构建的命令行工具，请先运行 npm run build。The CLI is not built yet: run npm run build first.');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
