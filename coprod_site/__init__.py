"""coprod_site: a co-production group's records, published as an accessible static site."""

__version__ = "0.1.0"
