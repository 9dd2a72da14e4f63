"""What every export may be told: base IRI, public addresses, publisher and licence."""

from __future__ import annotations

from dataclasses import dataclass

from kg.iris import DEFAULT_BASE, check_base

CC_BY_4 = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
"""CC-BY-4.0 as the EU licence authority names it; DCAT-AP asks for that list (§ licences)."""


@dataclass(frozen=True)
class ExportOptions:
    """Settings of the exports; the defaults suit a server run at the base IRI.

    :param base: the base IRI of the data (``{base}id/event/…``)
    :param public_url: where the server answers, ending in ``/``; the dumps are at
        ``{public_url}exports/<file>`` and the SPARQL endpoint at ``{public_url}sparql``
        (default: the base IRI)
    :param sparql_endpoint: the endpoint's address, when it is not ``{public_url}sparql``
    :param publisher: the name of whoever publishes the dataset
    :param publisher_url: an IRI for the publisher (default: a hash IRI under the base)
    :param publisher_type: an ADMS publisher type IRI, e.g.
        ``http://purl.org/adms/publishertype/NonProfitOrganisation`` (DCAT-AP recommends one)
    :param contact: an e-mail address or web page for questions about the data
    :param licence: the licence IRI of the data (default CC-BY-4.0)
    """

    base: str = DEFAULT_BASE
    public_url: str | None = None
    sparql_endpoint: str | None = None
    publisher: str = "kg-events contributors"
    publisher_url: str | None = None
    publisher_type: str | None = None
    contact: str | None = None
    licence: str = CC_BY_4

    def __post_init__(self) -> None:
        check_base(self.base)
        if self.public_url is not None:
            check_base(self.public_url)

    @property
    def root(self) -> str:
        return self.public_url or self.base

    @property
    def endpoint(self) -> str:
        return self.sparql_endpoint or f"{self.root}sparql"

    def download_url(self, filename: str) -> str:
        """The address the server gives an export file: ``{public_url}exports/<filename>``."""
        return f"{self.root}exports/{filename}"

    @property
    def dataset_iri(self) -> str:
        """The one IRI VoID and DCAT both describe."""
        return f"{self.base}dataset"

    @property
    def event_prefix(self) -> str:
        return f"{self.base}id/event/"
