#!/usr/bin/env python3
# The registry mirror on the build machines lacks the other platforms' optional binaries (darwin, win32, ...),
# so `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock. This adds
# their entries (version, os, cpu) so that npm ci skips them here and fetches them on those platforms.
# Run after changing dependencies: python3 scripts/complete-lockfile.py
import json, re, subprocess, sys
lock = json.load(open('package-lock.json'))
pk = lock['packages']
missing = set()
for path, meta in list(pk.items()):
    for dep, ver in (meta.get('optionalDependencies') or {}).items():
        key = f'node_modules/{dep}'
        if key not in pk:
            missing.add((key, dep, ver, meta.get('dev', False)))
OS = ['darwin','win32','linux','android','freebsd','openharmony','wasm32']
CPU = {'arm64':'arm64','x64':'x64','ia32':'ia32','arm':'arm','ppc64':'ppc64','s390x':'s390x','riscv64':'riscv64','loong64':'loong64','wasm32':'wasm32'}
for key, dep, ver, dev in sorted(missing):
    name = dep.split('/')[-1]
    parts = name.split('-')
    os_ = next((p for p in parts if p in OS), None)
    cpu = next((CPU[p] for p in parts if p in CPU), None)
    entry = {'version': ver, 'optional': True}
    if dev: entry['dev'] = True
    if os_ and os_ != 'wasm32': entry['os'] = [os_]
    if cpu: entry['cpu'] = [cpu]
    if 'musl' in name: entry['libc'] = ['musl']
    elif 'gnu' in name: entry['libc'] = ['glibc']
    pk[key] = entry
    print(key, entry)
lock['packages'] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open('package-lock.json','w'), indent=2, ensure_ascii=False)
open('package-lock.json','a').write('\n')
