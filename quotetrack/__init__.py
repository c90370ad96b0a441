"""quotetrack: who said what, and which outlet carried which wording."""

from .align import Comparison, compare
from .api import analyse, scan, scan_texts
from .models import Article, Member, Quote, ScanResult, Skipped, Statement
from .version import __version__

__all__ = [
    "Article",
    "Comparison",
    "Member",
    "Quote",
    "ScanResult",
    "Skipped",
    "Statement",
    "analyse",
    "compare",
    "scan",
    "scan_texts",
    "__version__",
]
