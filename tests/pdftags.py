"""A check of a tagged PDF's tag tree, independent of how it was made (no PDF/UA validator is installed here).

For every page, and every form XObject a page paints (a card placed on an A4 sheet): each marked-content
id in its content is claimed by exactly the struct element that the /ParentTree names for it, and that
element lists the id for this page or form; every struct element under /Document points back to its
parent; the parts right under /Document follow the page order.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf


def tag_problems(path: Path) -> list[str]:
    problems: list[str] = []
    pdf = pikepdf.open(path)
    tree = pdf.Root.StructTreeRoot
    document = tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K
    nums = tree.ParentTree.Nums
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    claimed: dict[tuple[tuple[int, int], int], tuple[int, int]] = {}  # (page, mcid) -> element

    def walk(element: pikepdf.Dictionary, parent: pikepdf.Object, page: tuple[int, int] | None) -> None:
        if element.get("/P") is None or element.P.objgen != parent.objgen:
            problems.append(f"element {element.get('/S')} {element.objgen}: /P wijst niet naar zijn ouder")
        page = element.Pg.objgen if "/Pg" in element else page
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]):
            if isinstance(kid, int):
                claimed[(page, int(kid))] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                claimed[((kid.Stm if "/Stm" in kid else kid.Pg).objgen, int(kid.MCID))] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary):
                walk(kid, element, page)

    walk(document, tree, None)
    order = [kid.Pg.objgen for kid in document.K]
    pages = [page.obj.objgen for page in pdf.pages]
    if sorted(set(order), key=order.index) != pages:
        problems.append("de delen onder /Document volgen de pagina's niet")
    for number, page in enumerate(pdf.pages):
        streams = [(page.obj, page)]  # the page's own content, and every form it paints that has tags
        forms = page.obj.get("/Resources", {}).get("/XObject", {})
        streams += [(form, form) for form in forms.values() if form.get("/Subtype") == "/Form" and "/StructParents" in form]
        found = 0
        for owner_object, content in streams:
            ids = [int(operands[1].MCID) for operands, operator in pikepdf.parse_content_stream(content)
                   if operator == pikepdf.Operator("BDC") and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]]
            if not ids:
                continue
            found += len(ids)
            entry = parent_tree.get(int(owner_object.get("/StructParents", -1)))
            if entry is None:
                problems.append(f"pagina {number + 1}: geen /ParentTree-ingang")
                continue
            for mcid in ids:
                owner = claimed.get((owner_object.objgen, mcid))
                if owner is None or mcid >= len(entry) or entry[mcid].objgen != owner:
                    problems.append(f"pagina {number + 1}: MCID {mcid} hoort niet bij het element dat de /ParentTree noemt")
            if len(set(ids)) != len(ids):
                problems.append(f"pagina {number + 1}: een MCID staat twee keer in de inhoud")
        if not found:
            problems.append(f"pagina {number + 1}: geen getagde inhoud")
    return problems
