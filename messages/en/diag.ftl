# How every diagnostic is printed: its severity, and the lines under it.
diag-error = error
diag-warning = warning
diag-hint = hint
diag-note = note
diag-more-rows = and { $more } more { $more ->
        [one] row
       *[other] rows
    } like this: { $more ->
        [one] line
       *[other] lines
    } { $lines }
diag-more-places = and { $more } more { $more ->
        [one] place
       *[other] places
    } like this: { $more ->
        [one] line
       *[other] lines
    } { $lines }
