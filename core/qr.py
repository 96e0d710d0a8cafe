"""QR images of short texts (coupon codes): one symbol setting for every image, PNG or SVG.

Error correction M (15 % of the symbol may be lost: a scratched phone screen, glare at the counter), kept at M so that
every image of a code is the same symbol; a quiet zone of 4 modules, the width the QR standard asks for, because
scanners find the symbol by its margin; dark modules on an opaque white ground, so that an app in dark mode that draws
the image on black still shows a readable code. A 10-character coupon code is a version 1 symbol (21 modules): at
10 pixels a module the image is 290 pixels square, sharp on a phone without scaling.
"""

import io

import segno

ERROR_CORRECTION = "m"
QUIET_ZONE_MODULES = 4
PIXELS_PER_MODULE = 10
_COLOURS = {"dark": "#000", "light": "#fff"}


def _symbol(text: str) -> segno.QRCode:
    return segno.make_qr(text, error=ERROR_CORRECTION, boost_error=False)


def qr_png(text: str) -> bytes:
    """`text` as a QR code in a PNG image."""
    buffer = io.BytesIO()
    _symbol(text).save(buffer, kind="png", scale=PIXELS_PER_MODULE, border=QUIET_ZONE_MODULES, **_COLOURS)
    return buffer.getvalue()


def qr_svg(text: str) -> bytes:
    """`text` as a QR code in an SVG document (UTF-8) that has both a size and a viewBox, so it scales."""
    symbol = _symbol(text)
    buffer = io.BytesIO()
    symbol.save(
        buffer, kind="svg", scale=PIXELS_PER_MODULE, border=QUIET_ZONE_MODULES, omitsize=True, xmldecl=True, **_COLOURS
    )
    # segno writes either width/height or a viewBox; with both, the image has a natural size and still scales.
    width, height = symbol.symbol_size(scale=PIXELS_PER_MODULE, border=QUIET_ZONE_MODULES)
    return buffer.getvalue().replace(b"<svg ", f'<svg width="{width}" height="{height}" '.encode(), 1)
