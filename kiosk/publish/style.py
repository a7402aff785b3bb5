"""The site's one stylesheet: the app's design tokens (kiosk.domain.design), system fonts."""

from __future__ import annotations

from typing import Final

from kiosk.domain import design

#: Fonts come from the phone (no web fonts); each script gets the phone's own CJK face.
CSS: Final = (
    (
        f":root{{--paper:{design.PAPER};--card:{design.WHITE};--ink:{design.INK};"
        f"--muted:{design.MUTED};--green:{design.PRIMARY};--accent:{design.ACCENT};"
        f"--kakao:{design.KAKAO};--line:{design.LINE}}}\n"
    )
    + """\
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:18px/1.5 system-ui,-apple-system,\
"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
:lang(ja){font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",\
sans-serif}
:lang(zh-Hans){font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",\
"Microsoft YaHei",sans-serif}
:lang(zh-Hant){font-family:system-ui,-apple-system,"PingFang TC","Noto Sans CJK TC",\
"Microsoft JhengHei",sans-serif}
:lang(ko){font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans CJK KR",\
"Malgun Gothic",sans-serif}
header{background:var(--green);color:#fff;padding:8px 16px}
header a{color:#fff}
.back{display:inline-flex;align-items:center;min-height:48px;font-size:16px}
.langs{display:flex;flex-wrap:wrap;gap:8px;margin:4px 0}
.langs a{display:inline-flex;align-items:center;min-height:48px;min-width:48px;padding:0 12px;\
border:2px solid #fff;border-radius:24px;text-decoration:none;font-size:16px}
.langs a[aria-current]{background:#fff;color:var(--green);font-weight:700}
main{max-width:720px;margin:0 auto;padding:16px;overflow-wrap:anywhere}
h1{font-size:32px;line-height:1.25;margin:8px 0}
h2{font-size:20px;margin:24px 0 8px}
section{background:var(--card);border-radius:12px;padding:4px 16px 16px;margin:16px 0}
section>h2:first-child{margin-top:12px}
.ko{font-size:20px;margin:0}
.meta,.muted,.note{color:var(--muted)}
.goods,.pay,.links,.stalls,.choose{list-style:none;margin:0;padding:0}
.goods li{display:grid;grid-template-columns:1fr auto;column-gap:12px;align-items:baseline;\
padding:12px 0;border-bottom:1px solid var(--line)}
.goods .name{font-weight:700}
.unit{grid-column:2;text-align:right;color:var(--muted);font-size:16px}
.price{color:var(--accent);font-size:20px}
.approx{grid-column:1/-1;color:var(--muted);text-align:right;font-size:16px}
.stale .approx{display:none}
.sold{color:#fff;background:var(--muted);border-radius:4px;padding:0 6px;margin-left:8px;\
font-size:16px;font-weight:400}
.pay li{display:inline-block;margin:4px 8px 4px 0;padding:4px 12px;border:1px solid var(--green);\
border-radius:16px}
.now{font-weight:700;color:var(--green)}
.now.closed{color:var(--accent)}
.kakao{display:flex;align-items:center;justify-content:center;min-height:56px;margin:16px 0;\
background:var(--kakao);color:var(--ink);border-radius:12px;font-weight:700;text-decoration:none}
.links a,.stalls a,.choose a{display:flex;align-items:center;gap:8px;min-height:48px;\
color:var(--ink)}
.links a,.tel{color:var(--green)}
.tel{display:inline-flex;align-items:center;min-height:48px}
.stalls li,.choose li{border-bottom:1px solid var(--line)}
.stalls a{text-decoration:none;padding:8px 0}
.stalls b{flex:1 1 0;min-width:0}
.no{color:var(--muted);font-size:16px}
.badge{font-size:16px;padding:0 6px;border:1px solid var(--accent);color:var(--accent);\
border-radius:4px}
.search-label{display:block;font-weight:700;margin:16px 0 4px}
#q{width:100%;min-height:48px;font:inherit;padding:8px 12px;border:2px solid var(--green);\
border-radius:12px;background:var(--card);color:var(--ink)}
.choose-word{display:block;font-size:20px}
.choose a{font-size:20px;text-decoration:none}
.empty{font-size:20px;padding:24px 0}
[hidden]{display:none!important}
"""
)
