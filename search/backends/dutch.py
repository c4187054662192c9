"""Dutch text analysis for the SQLite index: accent folding, lower case, stop words, Snowball stemming.

The same steps as PostgreSQL's `dutch_unaccent` configuration (unaccent, then the classic Snowball
Dutch stemmer with its stop list), so both databases find the same pages for the same words.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Combining diacritical marks, left over after NFKD decomposition ("é" -> "e" + U+0301).
COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters and digits; underscores and punctuation separate words (as FTS5's unicode61 tokenizer does).
WORD_RE = re.compile(r"[^\W_]+")

# The Snowball Dutch stop list (PostgreSQL ships the same list as tsearch_data/dutch.stop).
STOP_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
    hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
    na reeds wil kon niets uw iemand geweest andere
    """.split()
)

_local = threading.local()


def fold(text: str) -> str:
    """Lower case without diacritics: 'Café Één' -> 'cafe een'."""
    text = text.lower()
    if text.isascii():
        return text
    return COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """The folded words of a text, stop words included (for prefix matching of titles)."""
    return WORD_RE.findall(fold(text or ""))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # Snowball stemmer objects keep state while stemming: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Index terms of a text: folded, stop words dropped, stemmed. 'De ontwikkeling' -> ['ontwikkel']."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def analyse(text: str) -> str:
    """The text as stored in the FTS5 index: its terms separated by spaces."""
    return " ".join(terms(text))
