"""Checks a page written by cosm-lower --emit=html (or Chromium's DOM of it).

    html_check.py PAGE [--points N]

Every in-page link (href="#x", xlink:href="#x") has its target; every
suspension point in the source (a.await, id src-F-K) links to its generated
code (gen-F-K), which links back; the graph has a node per state that links to
the generated code; nothing is loaded from elsewhere (no script, stylesheet,
image or frame with a URL). --points: how many suspension points to expect.
Prints a summary; exits 1 with the problems otherwise.
"""

import argparse
import html.parser
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []  # (tag, class, id, href)
        self.external = []
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in attrs:
            self.ids.add(attrs["id"])
        href = attrs.get("href") or attrs.get("xlink:href")
        if href is not None:
            self.links.append((tag, attrs.get("class", ""), attrs.get("id", ""), href))
        for name in ("src", "href", "xlink:href", "data"):
            value = attrs.get(name) or ""
            if value and not value.startswith("#"):
                self.external.append((tag, name, value))
        if tag in ("script", "link", "iframe", "img", "object"):
            self.external.append((tag, "", ""))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--points", type=int, required=True)
    args = parser.parse_args()
    page = Page()
    with open(args.page, encoding="utf-8") as f:
        page.feed(f.read())

    problems = []
    for tag, cls, id_, href in page.links:
        if href.startswith("#") and href[1:] not in page.ids:
            problems.append("%s %s links to missing #%s" % (tag, id_ or cls, href[1:]))
    for item in page.external:
        problems.append("external resource: %s %s=%s" % item)

    awaits = [l for l in page.links if l[1] == "await"]
    backs = {l[2]: l[3] for l in page.links if l[1] == "back"}
    if len(awaits) != args.points:
        problems.append("%d suspension points linked, expected %d" % (len(awaits), args.points))
    for _, _, id_, href in awaits:
        point = id_[len("src-"):]
        if href != "#gen-" + point:
            problems.append("%s links to %s" % (id_, href))
        if backs.get("gen-" + point) != "#src-" + point:
            problems.append("gen-%s does not link back to %s" % (point, id_))
        if "graph-" + point not in page.ids:
            problems.append("no graph node graph-%s" % point)
    for section in ("source", "lowered", "graph"):
        if section not in page.ids:
            problems.append("no #%s section" % section)
    if page.tags.get("svg", 0) != 1:
        problems.append("%d svg elements, expected 1" % page.tags.get("svg", 0))

    if problems:
        print("\n".join(problems))
        return 1
    print("ok: %d suspension points linked both ways, %d in-page links resolve, "
          "1 inline svg, no external resource" % (len(awaits), len(page.links)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
