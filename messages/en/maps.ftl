# Maps: the boundary file (content/data/places.geojson or places.topojson), its features
# and the places they name, and the map of an indicator broken down by place.
map-json-eof = the file ends before its JSON does
map-json-eof-hint = a closing `]` or `{"}"}` is missing; a file cut short by a failed download or copy ends like this
map-json-syntax = this is not valid JSON
map-json-syntax-hint = look for a missing comma, quote or bracket just before this point
map-json-form = this JSON is not laid out as GeoJSON
map-json-detail = the JSON reader says: { $detail }
map-not-collection = the file holds a `{ $kind }`, not a FeatureCollection
map-not-collection-hint = export the boundaries as a GeoJSON FeatureCollection (one feature per place), or as a TopoJSON Topology
map-no-features = this FeatureCollection has no `features` list
map-no-objects = this Topology has no `objects`
map-no-features-hint = a GeoJSON file reads {"{"} "type": "FeatureCollection", "features": [ {"{"} "type": "Feature", "properties": {"{"} "id": "…" {"}"}, "geometry": … {"}"} ] {"}"}
map-feature-form = this is not a feature minhbach can read, so it is left off the map
map-no-geometry = this feature has no geometry, so it is left off the map
map-geometry-unsupported = a `{ $kind }` has no area to fill, so this feature is left off the map
map-geometry-hint = a place's shape is a `Polygon` or a `MultiPolygon`
map-coordinates = these coordinates are not rings of [longitude, latitude] positions, so this feature is left off the map
map-coordinates-hint = a Polygon's coordinates read [[[106.1, 20.4], [106.2, 20.4], [106.2, 20.5], [106.1, 20.4]]]
map-not-degrees = these coordinates are not longitude and latitude in degrees, so this feature is left off the map
map-not-degrees-hint = export the boundaries in WGS 84 (EPSG:4326); coordinates in metres, such as VN-2000, cannot be placed
map-arc-missing = the topology has no arc { $index }, so this feature is left off the map
map-arc-missing-hint = the file may be cut short or edited by hand; export it again
map-empty = this feature's rings have fewer than three points, so there is nothing to draw
