package order

import "github.com/wxshop-go/wxshop/catalog"

// CatalogVersion returns the catalog version at which the lines' snapshots were taken, when
// they all were taken at the same one, as the snapshots of one checkout are. A shipment check
// asks the catalog which SKUs changed since then ((*catalog.Catalog).ChangedSince) rather than
// comparing every line. It is the zero Version (unknown) when a line's snapshot has none (built
// outside the catalog, or decoded from the platform), when the lines' versions differ, or for
// an order without lines: a version names a moment of one history only, so snapshots taken at
// different moments cannot stand for each other.
func (o *Order) CatalogVersion() catalog.Version { return o.catalogVersion }

// commonCatalogVersion is CatalogVersion computed from the lines.
func commonCatalogVersion(lines []Line) catalog.Version {
	if len(lines) == 0 {
		return catalog.Version{}
	}
	v := lines[0].Snapshot.CatalogVersion
	for i := range lines {
		if lines[i].Snapshot.CatalogVersion != v {
			return catalog.Version{}
		}
	}
	return v
}
