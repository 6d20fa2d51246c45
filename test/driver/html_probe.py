#!/usr/bin/env python3
"""Renders an HTML report in headless Chromium and prints what a reader
would see: which findings are shown, and how many rows each code excerpt
takes on screen against how many source lines it holds.

    html_probe.py --chromium <chromium> <report.html> [--select ID=VALUE]...

Each --select picks VALUE in the <select> with that id, as a reader would
(a change event), before anything is measured. The probe runs in a copy of
the page (the report itself is not changed): it reads the laid-out boxes
and writes them into the DOM, which Chromium's --dump-dom then prints.
Rows are the rendered height divided by the CSS line height, so a line
followed by an empty one counts as two, whatever the fonts.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

PROBE = r"""
<script>
(function () {
  var out = {errors: [], shown: [], excerpts: []};
  SELECTS.forEach(function (s) {
    var el = document.getElementById(s[0]);
    if (!el) { out.errors.push('no element #' + s[0]); return; }
    if (![].some.call(el.options, function (o) { return o.value === s[1]; }))
      out.errors.push('#' + s[0] + ' has no option ' + s[1]);
    el.value = s[1];
    el.dispatchEvent(new Event('change'));
  });
  function px(v) { return parseFloat(v) || 0; }
  document.querySelectorAll('.finding').forEach(function (f) {
    // Rendered, not merely present: a hidden finding has no box.
    if (f.getBoundingClientRect().height === 0) return;
    out.shown.push(f.id);
    f.querySelectorAll('pre.code').forEach(function (pre, i) {
      var cs = getComputedStyle(pre);
      var row = px(cs.lineHeight);
      if (!row) { out.errors.push(f.id + ': no line height in px'); return; }
      var content = pre.getBoundingClientRect().height - px(cs.paddingTop) -
          px(cs.paddingBottom) - px(cs.borderTopWidth) - px(cs.borderBottomWidth);
      var lines = pre.querySelectorAll('.line');
      var tallest = 0;
      lines.forEach(function (l) {
        tallest = Math.max(tallest, l.getBoundingClientRect().height);
      });
      out.excerpts.push({finding: f.id, index: i, lines: lines.length,
                         rows: content / row, tallest: tallest / row});
    });
  });
  out.shownCount = document.body.dataset.shown;
  var s = document.createElement('script');
  s.type = 'application/json';
  s.id = 'probe-result';
  s.textContent = JSON.stringify(out);
  document.body.appendChild(s);
})();
</script>
"""


def rows(value):
    """A row count, whole when it is within rounding of one."""
    if abs(value - round(value)) < 0.05:
        return str(round(value))
    return f"{value:.2f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--select", action="append", default=[])
    parser.add_argument("report")
    args = parser.parse_args()
    selects = []
    for item in args.select:
        if "=" not in item:
            parser.error(f"--select wants ID=VALUE, not '{item}'")
        selects.append(item.split("=", 1))

    with open(args.report, encoding="utf-8") as f:
        page = f.read()
    if "</body>" not in page:
        print(f"html_probe: {args.report} has no </body>", file=sys.stderr)
        return 2
    probe = PROBE.replace("SELECTS", json.dumps(selects))
    # After the page's own script, so that it has run first.
    page = page.replace("</body>", probe + "</body>", 1)

    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "probed.html")
        with open(copy, "w", encoding="utf-8") as f:
            f.write(page)
        # Chromium wants a profile it can write; the test's home may not be.
        run = subprocess.run(
            [args.chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--user-data-dir=" + os.path.join(tmp, "profile"),
             "--window-size=1280,1024", "--dump-dom", "file://" + copy],
            capture_output=True, text=True, timeout=120)
    match = re.search(
        r'<script type="application/json" id="probe-result">(.*?)</script>',
        run.stdout, re.S)
    if not match:
        print("html_probe: Chromium printed no probe result (exit status "
              f"{run.returncode}):\n{run.stderr[-2000:]}", file=sys.stderr)
        return 1
    out = json.loads(match.group(1))
    for error in out["errors"]:
        print("error: " + error)
    print(f"shown: {out['shownCount']} ({' '.join(out['shown'])})")
    for e in out["excerpts"]:
        print(f"{e['finding']} excerpt {e['index']}: {e['lines']} lines, "
              f"{rows(e['rows'])} rows, tallest line {rows(e['tallest'])} "
              "rows")
    return 1 if out["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
