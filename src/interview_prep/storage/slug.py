"""Company display names -> safe folder names.

A slug is lowercase ASCII letters, digits and single hyphens, at most
MAX_SLUG characters, never a Windows device name. Names with no Latin
letters or digits (emoji, Hebrew, Chinese) get a stable hash slug so every
real company name works; names that carry no meaning ("", "..", "  ") or
control characters are refused.
"""

from __future__ import annotations

import re
import unicodedata

from interview_prep.errors import PrepError

MAX_NAME = 120
MAX_SLUG = 60
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(1, 10)} | {f"lpt{n}" for n in range(1, 10)}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def clean_name(name: str) -> str:
    """The display name as stored, or a PrepError saying how to fix it."""
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise PrepError(
            "The company name contains a control character (such as a NUL or a newline). "
            "Type the name as plain text, e.g. 'Acme'."
        )
    stripped = " ".join(name.split())
    if not stripped.strip(". "):
        raise PrepError(f"{name!r} is not a usable company name. Give the company's name, e.g. 'Acme'.")
    if len(unicodedata.normalize("NFC", stripped)) > MAX_NAME:
        raise PrepError(
            f"The company name is {len(stripped)} characters long; "
            f"keep it under {MAX_NAME} (a short name like 'Acme' is enough)."
        )
    return unicodedata.normalize("NFC", stripped)


def name_key(name: str) -> str:
    """What makes two company names the same name: NFC, case folded, spaces collapsed."""
    folded = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
    return unicodedata.normalize("NFC", folded)


def slugify(name: str) -> str:
    """The folder name for a company name (validated with clean_name first)."""
    display = clean_name(name)
    ascii_text = unicodedata.normalize("NFKD", display).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")[:MAX_SLUG].strip("-")
    if not slug:
        import hashlib  # ~4 ms (OpenSSL); only names without Latin letters need it

        digest = hashlib.sha256(display.encode("utf-8")).hexdigest()[:8]
        return f"company-{digest}"
    if slug in _WINDOWS_DEVICES:
        return f"{slug}-company"
    return slug


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and _SLUG.fullmatch(text) is not None
