"""Trunk's post-build hook: finishes the built page in the staging directory.

0. Prerendering: puts the landing view and the first step into index.html as HTML, drawn by
   the app's own components (a native build of src/bin/prerender.rs), in every language (the
   visitor's is put in place before the page is drawn), and has the loader ask for the wasm once
   the page is drawn.
1. Installing: draws the app's icon (src/web/icon.svg) at the sizes browsers ask for, writes the
   web app manifest, and names both (with the browser's colours for light and dark) in index.html.
2. Content Security Policy: adds a <meta> policy to index.html that allows only the app's own
   origin, WebAssembly, and each inline script by its SHA-256 (Trunk's loader names the hashed
   file names, so the hashes are computed for every build).
3. Offline: writes sw.js from src/web/sw.js with the exact list of this build's files, each with its
   SHA-384 integrity, and a cache version derived from them, so a new build is a new cache.
4. Compressed copies: writes FILE.gz (gzip -9) beside every file, for hosts that send them as they
   are (nginx's gzip_static, see README) instead of compressing each response again.

Trunk runs it with the project root as working directory and TRUNK_STAGING_DIR set.
"""
import base64
import gzip
import hashlib
import json
import os
import re
import subprocess
from html import escape as html_escape
from urllib.parse import quote

STAGING = os.environ['TRUNK_STAGING_DIR']
SOURCE = os.environ.get('TRUNK_SOURCE_DIR', '.')
INDEX = os.path.join(STAGING, 'index.html')
SW = 'sw.js'


def b64(digest):
    return base64.b64encode(digest).decode()


def run_prerender(*args):
    """What src/bin/prerender.rs prints: natively, in the dev profile (its dependencies are the
    native tests'), offline like Trunk."""
    return subprocess.run(
        ['cargo', 'run', '--quiet', '--offline', '--locked', '--bin', 'prerender', '--', *args],
        cwd=SOURCE, check=True, stdout=subprocess.PIPE, text=True).stdout.strip()


def page_strings(language):
    """A language's words for the page's own notices ("page" in locales/<language>/common.json)."""
    path = os.path.join(SOURCE, 'locales', language, 'common.json')
    return json.load(open(path, encoding='utf-8'))['page']


def text(words):
    return html_escape(words, quote=False)


def markup(words):
    """Words with the one element the notices use, <strong>; anything else is text. (They are the
    build's own files, checked like every locale file by tests/locales.rs.)"""
    return text(words).replace('&lt;strong&gt;', '<strong>').replace('&lt;/strong&gt;', '</strong>')


def notices(t):
    """The page's notices in one language's words: loading, no WebAssembly, could not start (with
    Reload) and taking long (with Reload). index.html's first script shows the one that applies."""
    return ('<p id="loading" class="loading">%s</p>'
            '<p id="no-wasm" class="loading notice-needs">%s</p>'
            '<div id="start-failed" class="loading start-notice" role="alert" tabindex="-1">'
            '<p>%s</p><p>%s</p><p><button type="button" class="primary" data-reload>%s</button></p></div>'
            '<div id="start-slow" class="loading start-notice" role="status">'
            '<p>%s</p><p><button type="button" data-reload>%s</button></p></div>'
            % (text(t['loading']), text(t['no_wasm']), markup(t['failed']), text(t['failed_next']),
               text(t['reload']), markup(t['slow']), text(t['reload'])))


def page_to_fill(marker, finished):
    """index.html, when it has `marker` to fill; None when it was filled already (run again on a
    finished page: the offline test makes a "new release" this way), which `finished` tells."""
    html = open(INDEX, encoding='utf-8').read()
    if marker in html:
        return html
    if finished in html:
        return None
    raise SystemExit('post_build: index.html has no %s to fill' % marker)


def prerender():
    """Puts the landing view and the first step, drawn by the app's own components, into
    index.html's <div id="prerendered">. The drawing is a native build of the app's crate
    (src/bin/prerender.rs), so the page and the app can never differ."""
    marker = '<div id="prerendered"></div>'
    html = page_to_fill(marker, '<div id="prerendered">')
    if html is None:
        return
    drawn = run_prerender()
    if 'data-question=' not in drawn:
        raise SystemExit('post_build: the prerendered page has no question')
    # Each other language's copy of the step and of the page's notices, inert in a <template>,
    # and a script that puts the visitor's in place before the page is first drawn: a German
    # reader never sees the English one first. The choice is the app's (ui::text::lang::initial): a
    # stored choice, else the first of the browser's languages that Stagefit speaks (by its
    # primary subtag: de-AT is German), else English. Each language adds its copies (about
    # 1.5 KB gzip) to the page.
    languages = run_prerender('--languages').split()
    copies = ''.join('<template id="prerendered-%s">%s</template><template id="notices-%s">%s</template>'
                     % (l, run_prerender('--language', l), l, notices(page_strings(l)))
                     for l in languages[1:])
    # Issue 27: the frames for a shared result's and a join link's address, in every language
    # (English too: the address, not the language, chooses them), shown before the app runs.
    for l in languages:
        shells = json.loads(run_prerender('--shells', l))
        if 'data-testid="shared-shell"' not in shells['shared'] or '<bdi>' not in shells['joining']:
            raise SystemExit('post_build: the shells drawn for %s lack the shared frame or the name to fill' % l)
        copies += ('<template id="shared-%s">%s</template><template id="joining-%s" data-name-max="%d">%s</template>'
                   % (l, shells['shared'], l, shells['name_max'], shells['joining']))
        # A return visit: the offer to resume a saved draft (its words filled in from the draft,
        # in the app's own sentence), or where the latest result will be.
        landing = json.load(open(os.path.join(SOURCE, 'locales', l, 'assess.json'), encoding='utf-8'))['landing']
        copies += ('<template id="resume-%s" data-text="%s" data-when="%s" data-banks="%s" data-questions="%d" data-steps="%d">%s</template>'
                   '<template id="latest-%s">%s</template>'
                   % (l, html_escape(landing['resume_text'], quote=True), html_escape(landing['resume_when'], quote=True),
                      ' '.join(str(b) for b in shells['banks']), shells['questions'], shells['steps'],
                      shells['resume'], l, shells['latest']))
    notice_marker = '<!-- page notices -->'
    if notice_marker not in html:
        raise SystemExit('post_build: index.html has no <!-- page notices --> to fill')
    # Without JavaScript nothing can choose: the notice is there in every language.
    no_script = '<noscript>%s</noscript>' % ''.join(
        '<p class="loading notice-needs" lang="%s">%s</p>' % (l, text(page_strings(l)['no_script']))
        for l in languages)
    html = html.replace(notice_marker, no_script + notices(page_strings(languages[0])), 1)
    choose = ('(function () {\n'
              '  var known = %s, l = null;\n'
              '  try { l = localStorage.getItem(\'stagefit.language\'); } catch (e) {}\n'
              # As the app reads it (platform::storage::language): a stored " fr" is French.
              '  if (l !== null) l = String(l).trim().toLowerCase().split(/[-_]/)[0];\n'
              '  if (known.indexOf(l) < 0) {\n'
              '    l = known[0];\n'
              '    var wanted = navigator.languages || [navigator.language];\n'
              '    for (var i = 0; i < wanted.length; i++) {\n'
              '      var primary = String(wanted[i]).toLowerCase().split(\'-\')[0];\n'
              '      if (known.indexOf(primary) >= 0) { l = primary; break; }\n'
              '    }\n'
              '  }\n'
              '  var copy = document.getElementById(\'prerendered-\' + l), page = document.getElementById(\'prerendered\');\n'
              '  if (copy && page) { page.replaceChildren(copy.content); document.documentElement.lang = l; }\n'
              '  var said = document.getElementById(\'notices-\' + l);\n'
              '  if (said) [].slice.call(said.content.children).forEach(function (n) { var old = document.getElementById(n.id); if (old) old.replaceWith(n); });\n'
              # A shared result's address: its frame in place of the landing view (issue 27).
              '  var root = document.documentElement, main = page && page.querySelector(\'main\');\n'
              '  var shared = document.getElementById(\'shared-\' + l);\n'
              '  if (/\\blink-shared\\b/.test(root.className) && shared && main) {\n'
              '    main.replaceChildren(shared.content);\n'
              # The viewer (started by the page's first script) draws its verdict here; the words it
              # reads are asked for now, beside its wasm, not after it.
              '    [\'results\', \'bank\'].forEach(function (n) {\n'
              '      var p = document.createElement(\'link\');\n'
              '      p.rel = \'preload\'; p.as = \'fetch\'; p.crossOrigin = \'anonymous\'; p.href = \'./i18n/\' + n + \'/\' + l + \'.json\';\n'
              '      document.head.append(p);\n'
              '    });\n'
              '  }\n'
              # A join link: the workshop's name, as the app cleans a label (report::clean_label), as
              # text, in the banner under the introduction; a name that does not read waits for the app.
              '  var joining = document.getElementById(\'joining-\' + l), lead = page && page.querySelector(\'.lead\');\n'
              '  var m = /\\blink-join\\b/.test(root.className) && /^#join=[A-Za-z0-9_-]{1,32}\\.(.+)$/.exec(location.hash);\n'
              '  if (m) {\n'
              '    var name = \'\';\n'
              '    try { name = decodeURIComponent(m[1]); } catch (e) {}\n'
              '    name = name.replace(/[\\u202a-\\u202e\\u2066-\\u2069]/g, \'\').split(/[\\s\\u0000-\\u001f\\u007f-\\u009f]+/).filter(Boolean).join(\' \');\n'
              '    name = Array.from(name).slice(0, joining ? +joining.getAttribute(\'data-name-max\') : 0).join(\'\').trim();\n'
              '    var banner = joining && joining.content.firstElementChild;\n'
              '    if (name && banner && lead) { banner.querySelector(\'bdi\').textContent = name; lead.after(banner); }\n'
              '    else root.className = root.className.replace(\'link-join\', \'wait\');\n'
              '  }\n'
              # A return visit with an unfinished assessment saved: the offer to resume it, said
              # as the app says it, in place of the first step; a draft this page cannot read as
              # the app would (a bank whose answers do not all map to this one, changes to a saved
              # assessment) waits for the app.
              '  var resume = document.getElementById(\'resume-\' + l), card = null;\n'
              '  if (/\\bresuming\\b/.test(root.className)) {\n'
              '    try {\n'
              '      var d = JSON.parse(localStorage.getItem(\'stagefit.draft\')), s = d && d.snapshot, r = resume.dataset, steps = +r.steps;\n'
              '      if (d.format == \'stagefit-draft\' && d.version == 1 && s && typeof s.bank == \'number\' && (\' \' + r.banks + \' \').indexOf(\' \' + s.bank + \' \') >= 0 && typeof s.id == \'string\' && s.answers && localStorage.getItem(\'stagefit.assessment.\' + s.id) === null) {\n'
              '        var v = { total: r.questions, steps: steps,\n'
              '          answered: Object.keys(s.answers).filter(function (k) { return typeof s.answers[k] == \'number\' || s.answers[k] == \'unknown\' || Array.isArray(s.answers[k]); }).length,\n'
              '          step: Math.max(0, Math.min(Math.floor(+d.step) || 0, steps - 1)) + 1 };\n'
              '        var say = function (text) { return text.replace(/\\{(\\w+)\\}/g, function (m, k) { return k in v ? v[k] : m; }); };\n'
              '        card = resume.content.firstElementChild;\n'
              '        card.querySelector(\'p\').textContent = say(r.text);\n'
              # When it was saved, once the page is idle (waiting for the wasm): a page's first date
              # format costs about 100 ms on a slow phone, and the card's first frame need not wait
              # for it (its line's height is held).
              '        var saved = card.querySelector(\'.saved\'), updated = new Date(s.updated);\n'
              '        var fill = function () {\n'
              '          try { v.when = new Intl.DateTimeFormat(l, { dateStyle: \'medium\' }).format(updated); saved.textContent = say(r.when); } catch (e) {}\n'
              '        };\n'
              '        if (!saved || isNaN(updated)) throw new Error(\'no date\');\n'
              '        if (window.requestIdleCallback) requestIdleCallback(fill, { timeout: 1000 }); else setTimeout(fill, 100);\n'
              '      }\n'
              '    } catch (e) { card = null; }\n'
              '    if (card && lead) { while (lead.nextSibling) lead.nextSibling.remove(); lead.after(card); }\n'
              '    else root.className = root.className.replace(\'resuming\', \'wait\');\n'
              '  }\n'
              # Saved results and no draft: where the latest result goes, under the heading.
              '  var latest = document.getElementById(\'latest-\' + l), heading = page && page.querySelector(\'#landing-heading\');\n'
              '  if (/\\breturning\\b/.test(root.className) && latest && heading) heading.after(latest.content.firstElementChild);\n'
              '  [].forEach.call(document.querySelectorAll(\'template[id^="prerendered-"], template[id^="notices-"], template[id^="shared-"], template[id^="joining-"], template[id^="resume-"], template[id^="latest-"]\'), function (t) { t.remove(); });\n'
              '})();' % json.dumps(languages))
    html = html.replace(marker, '%s<div id="prerendered">%s</div><script>%s</script>' % (copies, drawn, choose), 1)
    # The viewer, by the name its content gives it, for the page's first script to start.
    if html.count('viewer-by-post-build') != 1:
        raise SystemExit("post_build: index.html's first script does not name the viewer ('viewer-by-post-build') once")
    html = html.replace('viewer-by-post-build', name_viewer())
    # The page is drawn first, then the wasm is asked for: the prerendered step is what a visitor
    # uses first, and a 500 KB download started from the page's head competes with it (on a fast
    # connection it even ends before the first paint, and Lighthouse then counts the paint as
    # waiting for it). So no preload link for the wasm, and Trunk's loader waits for the first
    # frame: in a tab in the background, where no frame comes, it goes on at once, and where a
    # tab says it is visible but gets no frames (a window behind another), after a second.
    html, n = re.subn(r'<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>', '', html)
    if n != 1:
        raise SystemExit('post_build: no preload link for the wasm in index.html')
    html, n = re.subn(
        r'^(const wasm = await init\()',
        "await new Promise((drawn) => { if (document.visibilityState !== 'visible') return drawn();"
        " requestAnimationFrame(() => setTimeout(drawn)); setTimeout(drawn, 1000); });\n"
        # On a shared result's address, after the viewer (index.html's first script).
        "await window.stagefitFirst;\n\\1",
        html, flags=re.M)
    if n != 1:
        raise SystemExit("post_build: Trunk's loader has no 'const wasm = await init(' line")
    with open(INDEX, 'w', encoding='utf-8') as f:
        f.write(html)


def name_viewer():
    """Names the viewer's files (Trunk builds it as a worker, whose names carry no hash) by their
    content, as Trunk names the app's, so a cache never serves one build's viewer to another;
    returns the name without its ending."""
    files = {end: os.path.join(STAGING, 'viewer' + end) for end in ('.js', '_bg.wasm')}
    if not all(os.path.exists(f) for f in files.values()):
        raise SystemExit('post_build: Trunk built no viewer (viewer.js, viewer_bg.wasm)')
    digest = hashlib.sha256()
    for f in files.values():
        digest.update(open(f, 'rb').read())
    name = 'viewer-' + digest.hexdigest()[:16]
    for end, f in files.items():
        os.replace(f, os.path.join(STAGING, name + end))
    return name


def prerender_into(flag, folder):
    """Has the prerender binary write files into a folder (--i18n, --icons)."""
    subprocess.run(
        ['cargo', 'run', '--quiet', '--offline', '--locked', '--bin', 'prerender', '--',
         flag, os.path.abspath(folder)],
        cwd=SOURCE, check=True)


def write_strings():
    """Writes each language's strings as the files the wasm fetches, i18n/<namespace>/<language>.json
    (the same native build, reading locales/ with leptos_i18n's own parser)."""
    prerender_into('--i18n', os.path.join(STAGING, 'i18n'))


def add_policy():
    html = open(INDEX, encoding='utf-8').read()
    # Every inline script (no src attribute): Trunk's module loader and the service worker's
    # registration in index.html.
    scripts = re.findall(r'<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>', html, re.S)
    hashes = ' '.join("'sha256-%s'" % b64(hashlib.sha256(s.encode()).digest()) for s in scripts)
    # The style sheet, inlined by Trunk, by its hash too: no other inline style is allowed.
    styles = re.findall(r'<style[^>]*>(.*?)</style>', html, re.S)
    style_hashes = ''.join(" 'sha256-%s'" % b64(hashlib.sha256(s.encode()).digest()) for s in styles)
    policy = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self'%s; "
              "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
              "form-action 'none'" % (hashes, style_hashes))
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
            if name.startswith('.') or rel == SW or name.endswith('.gz'):
                continue
            data = open(os.path.join(folder, name), 'rb').read()
            # The page itself is cached as the scope's URL ("./"), which is what people open.
            entry = ['./' if rel == 'index.html' else './' + rel,
                     'sha384-' + b64(hashlib.sha384(data).digest())]
            # A language's strings are kept only once someone has read them (sw.js): at install
            # from the HTTP cache, where the page has just fetched its own language, so a first
            # visit in German downloads no English (nor French) either.
            # The viewer likewise: only a shared result's address starts it (issue 27).
            if rel.startswith('i18n/') or rel.startswith('viewer-'):
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


def colours():
    """The page's background in light and dark: the first two --bg in style/main.css (a later one
    is for print)."""
    css = open(os.path.join(SOURCE, 'style', 'main.css'), encoding='utf-8').read()
    found = re.findall(r'--bg:\s*(#[0-9a-fA-F]{3,8})\s*;', css)
    if len(found) < 2:
        raise SystemExit('post_build: style/main.css should set --bg for light, then dark, first')
    return found[:2]


# The icons the prerender binary draws (its icons::SIZES): file, size, purpose.
ICONS = [('icon-192.png', 192, 'any'), ('icon-512.png', 512, 'any'),
         ('icon-maskable-512.png', 512, 'maskable')]
TOUCH_ICON = 'icon-180.png'
MANIFEST = 'manifest.webmanifest'


def add_app_files():
    """What makes Stagefit installable: the icons as PNG (drawn by the prerender binary with
    resvg), the web app manifest and, in index.html, the icon, the manifest, the home-screen icon
    for iOS and the browser's colours. Every address is relative (to the manifest, or the page),
    so the same dist/ installs at / and under any sub-path; the service worker keeps these files
    like every other, so the installed app starts offline."""
    marker = '<!-- app icons -->'
    html = page_to_fill(marker, 'rel="manifest"')
    if html is None:
        return
    prerender_into('--icons', STAGING)
    light, dark = colours()
    english = json.load(open(os.path.join(SOURCE, 'locales', 'en', 'common.json'), encoding='utf-8'))
    manifest = {
        'id': './',
        'name': 'Stagefit',
        'short_name': 'Stagefit',
        'description': english['description'],
        'lang': 'en',
        'dir': 'ltr',
        'start_url': './',
        'scope': './',
        'display': 'standalone',
        'background_color': light,
        'theme_color': light,
        'icons': [{'src': name, 'sizes': '%dx%d' % (size, size), 'type': 'image/png', 'purpose': purpose}
                  for name, size, purpose in ICONS],
    }
    with open(os.path.join(STAGING, MANIFEST), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    svg = open(os.path.join(SOURCE, 'src', 'web', 'icon.svg'), encoding='utf-8').read().strip()
    links = ('<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,%s">\n'
             '    <link rel="manifest" href="%s">\n'
             '    <link rel="apple-touch-icon" href="%s">\n'
             '    <meta name="theme-color" media="(prefers-color-scheme: light)" content="%s">\n'
             '    <meta name="theme-color" media="(prefers-color-scheme: dark)" content="%s">'
             % (quote(svg, safe="/:=' "), MANIFEST, TOUCH_ICON, light, dark))
    with open(INDEX, 'w', encoding='utf-8') as f:
        f.write(html.replace(marker, links, 1))


def write_compressed():
    """FILE.gz beside every file of the build, at gzip's best level, with no name or time inside,
    so the same build always writes the same bytes."""
    for folder, dirs, names in os.walk(STAGING):
        for name in names:
            if name.startswith('.') or name.endswith('.gz'):
                continue
            path = os.path.join(folder, name)
            data = open(path, 'rb').read()
            with open(path + '.gz', 'wb') as f:
                f.write(gzip.compress(data, compresslevel=9, mtime=0))


prerender()
write_strings()
add_app_files()
add_policy()
write_service_worker()
write_compressed()
