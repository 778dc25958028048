"""Sample texts in the scripts that need shaping, and the Noto fonts they need."""

from __future__ import annotations

import pytest

from journeycanvas.text import default_font_set

# Card texts without digits: pypdf reverses digits inside right-to-left lines.
SAMPLES = {
    "arabic": "العميل يبحث عن المخبز على الخرائط ثم يقرأ التقييمات قبل الزيارة",
    "hebrew": "הלקוח מחפש את המאפייה במפה וקורא ביקורות לפני הביקור",
    "hindi": "ग्राहक नक्शे पर बेकरी खोजता है और किसी दोस्त से सिफ़ारिश सुनता है",
    "thai": "ลูกค้าค้นหาร้านเบเกอรี่บนแผนที่และอ่านรีวิวก่อนไปที่ร้าน",
}


def needs_fonts_for(text: str) -> None:
    """Skip the test when this system has no font for some character of `text`
    (``scripts/dev.sh`` installs fonts-noto-core, which has them all)."""
    missing = default_font_set().missing(text)
    if missing:
        pytest.skip(f"no font for {missing!r}: install fonts-noto-core")
