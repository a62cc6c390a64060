import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export default function resilienceGlobalTeardown(): void {
  const filesDir = process.env.FILES_DIR;
  if (filesDir?.startsWith(tmpdir())) rmSync(filesDir, { recursive: true, force: true });
}
