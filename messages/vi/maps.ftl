# Bản đồ: tệp ranh giới (content/data/places.geojson hoặc places.topojson), các đối tượng
# (feature) trong tệp và địa bàn chúng chỉ đến, và bản đồ của chỉ số có số liệu theo địa bàn.
map-json-eof = tệp kết thúc khi nội dung JSON chưa hết
map-json-eof-hint = thiếu dấu `]` hoặc `{"}"}` đóng; tệp tải về hoặc sao chép bị cắt giữa chừng thường kết thúc như thế này
map-json-syntax = đây không phải JSON hợp lệ
map-json-syntax-hint = hãy tìm dấu phẩy, dấu ngoặc kép hoặc dấu ngoặc bị thiếu ngay trước vị trí này
map-json-form = nội dung JSON này không theo cấu trúc GeoJSON
map-json-detail = bộ đọc JSON báo: { $detail }
map-not-collection = tệp chứa một `{ $kind }`, không phải một FeatureCollection
map-not-collection-hint = hãy xuất ranh giới dưới dạng GeoJSON FeatureCollection (mỗi địa bàn một feature), hoặc TopoJSON Topology
map-no-features = FeatureCollection này không có danh sách `features`
map-no-objects = Topology này không có `objects`
map-no-features-hint = một tệp GeoJSON có dạng {"{"} "type": "FeatureCollection", "features": [ {"{"} "type": "Feature", "properties": {"{"} "id": "…" {"}"}, "geometry": … {"}"} ] {"}"}
map-feature-form = minhbach không đọc được đối tượng này, nên nó không được vẽ trên bản đồ
map-no-geometry = đối tượng này không có hình học (geometry), nên không được vẽ trên bản đồ
map-geometry-unsupported = `{ $kind }` không có diện tích để tô màu, nên đối tượng này không được vẽ trên bản đồ
map-geometry-hint = hình của một địa bàn phải là `Polygon` hoặc `MultiPolygon`
map-coordinates = các tọa độ này không phải là các vòng gồm cặp [kinh độ, vĩ độ], nên đối tượng này không được vẽ trên bản đồ
map-coordinates-hint = tọa độ của một Polygon có dạng [[[106.1, 20.4], [106.2, 20.4], [106.2, 20.5], [106.1, 20.4]]]
map-not-degrees = các tọa độ này không phải kinh độ, vĩ độ tính bằng độ, nên đối tượng này không được vẽ trên bản đồ
map-not-degrees-hint = hãy xuất ranh giới theo hệ WGS 84 (EPSG:4326); tọa độ tính bằng mét, như hệ VN-2000, không đặt được lên bản đồ
map-arc-missing = topology không có cung (arc) số { $index }, nên đối tượng này không được vẽ trên bản đồ
map-arc-missing-hint = tệp có thể bị cắt ngắn hoặc bị sửa bằng tay; hãy xuất lại tệp
map-empty = các vòng của đối tượng này có ít hơn ba điểm, nên không có gì để vẽ
