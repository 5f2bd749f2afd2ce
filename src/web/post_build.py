"""Trunk's post-build hook: finishes the built page in the staging directory.

0. Prerendering: puts the landing view and the first step into index.html as HTML, drawn by
   the app's own components (a native build of src/bin/prerender.rs), and asks for the wasm at
   the highest priority.
1. Content Security Policy: adds a <meta> policy to index.html that allows only the app's own
   origin, WebAssembly, and each inline script by its SHA-256 (Trunk's loader names the hashed
   file names, so the hashes are computed for every build).
2. Offline: writes sw.js from src/web/sw.js with the exact list of this build's files, each with its
   SHA-384 integrity, and a cache version derived from them, so a new build is a new cache.

Trunk runs it with the project root as working directory and TRUNK_STAGING_DIR set.
"""
import base64
import hashlib
import json
import os
import re
import subprocess

STAGING = os.environ['TRUNK_STAGING_DIR']
SOURCE = os.environ.get('TRUNK_SOURCE_DIR', '.')
INDEX = os.path.join(STAGING, 'index.html')
SW = 'sw.js'


def b64(digest):
    return base64.b64encode(digest).decode()


def prerender():
    """Puts the landing view and the first step, drawn by the app's own components, into
    index.html's <div id="prerendered">. The drawing is a native build of the app's crate
    (src/bin/prerender.rs), so the page and the app can never differ."""
    html = open(INDEX, encoding='utf-8').read()
    marker = '<div id="prerendered"></div>'
    if marker not in html:
        # Run again on a finished page (the offline test makes a "new release" this way).
        if '<div id="prerendered">' in html:
            return
        raise SystemExit('post_build: index.html has no <div id="prerendered"></div> to fill')
    # Natively, in the dev profile (its dependencies are the native tests'), offline like Trunk.
    drawn = subprocess.run(
        ['cargo', 'run', '--quiet', '--offline', '--locked', '--bin', 'prerender'],
        cwd=SOURCE, check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    if 'data-question=' not in drawn:
        raise SystemExit('post_build: the prerendered page has no question')
    html = html.replace(marker, '<div id="prerendered">%s</div>' % drawn, 1)
    # The wasm is what the app waits for: the page asks for it first.
    html, n = re.subn(r'(<link rel="preload" href="[^"]*_bg\.wasm")', r'\1 fetchpriority="high"', html)
    if n != 1:
        raise SystemExit('post_build: no preload link for the wasm in index.html')
    with open(INDEX, 'w', encoding='utf-8') as f:
        f.write(html)


def write_strings():
    """Writes each language's strings as the files the wasm fetches, i18n/<namespace>/<language>.json
    (the same native build, reading locales/ with leptos_i18n's own parser)."""
    subprocess.run(
        ['cargo', 'run', '--quiet', '--offline', '--locked', '--bin', 'prerender', '--',
         '--i18n', os.path.abspath(os.path.join(STAGING, 'i18n'))],
        cwd=SOURCE, check=True)


def add_policy():
    html = open(INDEX, encoding='utf-8').read()
    # Every inline script (no src attribute): Trunk's module loader and the service worker's
    # registration in index.html.
    scripts = re.findall(r'<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>', html, re.S)
    hashes = ' '.join("'sha256-%s'" % b64(hashlib.sha256(s.encode()).digest()) for s in scripts)
    policy = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self'; "
              "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
              "form-action 'none'" % hashes)
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
    # Run again on a finished page (the offline test makes a "new release" this way), the
    # policy is replaced, not added twice.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n\s*', '', html)
    if '<meta charset="utf-8">' not in html:
        raise SystemExit('post_build: index.html has no <meta charset="utf-8"> to put the policy after')
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)
    with open(INDEX, 'w', encoding='utf-8') as f:
        f.write(html)


def write_service_worker():
    files = []
    for folder, dirs, names in os.walk(STAGING):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(folder, name), STAGING).replace(os.sep, '/')
            if name.startswith('.') or rel == SW:
                continue
            data = open(os.path.join(folder, name), 'rb').read()
            # The page itself is cached as the scope's URL ("./"), which is what people open.
            entry = ['./' if rel == 'index.html' else './' + rel,
                     'sha384-' + b64(hashlib.sha384(data).digest())]
            # Languages other than English are fetched only by those who read them (sw.js).
            if rel.startswith('i18n/') and not rel.endswith('/en.json'):
                entry.append('lazy')
            files.append(entry)
    files.sort(key=lambda f: (f[0] != './', f[0]))
    version = hashlib.sha256(json.dumps(files).encode()).hexdigest()[:16]
    build = '{\n  "version": %s,\n  "files": [\n%s\n  ]\n}' % (
        json.dumps(version), ',\n'.join('    ' + json.dumps(f) for f in files))
    template = open(os.path.join(SOURCE, 'src', 'web', 'sw.js'), encoding='utf-8').read()
    marker = re.compile(r'^const BUILD = .*; // written by src/web/post_build\.py$', re.M)
    if not marker.search(template):
        raise SystemExit('post_build: src/web/sw.js has no "const BUILD = ...; // written by src/web/post_build.py" line')
    sw = marker.sub(lambda _: 'const BUILD = %s;' % build, template, count=1)
    # Every first visit downloads this file: ship it without its whole-line comments (src/web/sw.js
    # keeps them for people reading the source).
    sw = ''.join(line for line in sw.splitlines(True) if not line.lstrip().startswith('//'))
    with open(os.path.join(STAGING, SW), 'w', encoding='utf-8') as f:
        f.write(sw)


prerender()
write_strings()
add_policy()
write_service_worker()
