# Share cards (og:image): drawing a card's PNG.
card-draw-failed = cannot draw the share card `{ $path }`: { $error }
