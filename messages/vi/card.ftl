# Thẻ chia sẻ (og:image): vẽ ảnh PNG của thẻ.
card-draw-failed = không vẽ được thẻ chia sẻ `{ $path }`: { $error }
