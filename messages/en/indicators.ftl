# Indicators (indicators.toml) and their readings (progress data in data/).
indicator-unknown-id = `{ $id }` is not an indicator id
indicator-data-unknown-hint = name the `id` of an indicator of this file
indicator-target-period = the target's period { $target } is not after the baseline's period { $baseline }
indicator-target-period-hint = a target is reached after its baseline; check both periods
indicator-baseline-percent-range = the baseline { $value } is a percentage outside 0–100
indicator-target-percent-range = the target { $value } is a percentage outside 0–100
indicator-percent-hint = percentages run from 0 to 100
indicator-target-above = the target { $target } is above the baseline { $baseline }, but the direction is `{ $direction }`
indicator-target-above-hint = a falling indicator's target is below its baseline: check the target's value, or write direction = "increase"
indicator-target-below = the target { $target } is below the baseline { $baseline }, but the direction is `{ $direction }`
indicator-target-below-hint = a rising indicator's target is above its baseline: check the target's value, or write direction = "decrease"
indicator-id-invalid = `{ $id }` cannot be an indicator id
indicator-id-invalid-hint = use letters, digits and dashes, like "dvc-toan-trinh"
indicator-id-twice = the indicator id `{ $id }` is used twice
indicator-id-twice-hint = give each indicator its own id
indicator-direction = `{ $written }` is not a direction
indicator-direction-hint = write "increase", "decrease" or "maintain" (or "tăng", "giảm", "duy trì")
indicator-frequency = `{ $written }` is not a frequency
indicator-frequency-hint = write one of: { $keys } (or "hằng tháng", "hằng quý", "6 tháng", "hằng năm")
# `{ $hint }` says which units there are.
indicator-responsible-hint = { $hint }; it is shown as written
indicator-number-too-long = the number has too many digits to be shown exactly
indicator-number-too-long-hint = write it in a larger unit (thousands, millions) or round it
indicator-period = `{ $period }` is not a period
indicator-period-hint = write a period as 2025 (a year), 2025-Q3 (a quarter), 2025-09 (a month) or 2025-09-30 (a day)
reading-open-sdg-did-you-mean = an Open SDG file is named after its indicator: did you mean `{ $file }`?
reading-open-sdg-name-hint = an Open SDG file is named after its indicator, like data/dvc-toan-trinh.csv or data/indicator_1-2-1.csv, or named in the [data] table of indicators.toml
reading-several-breakdowns = this row is broken down by more than one column
reading-several-breakdowns-hint = minhbach reads one breakdown per reading: leave all but one breakdown column blank
reading-indicator-hint = use the `id` of an indicator in a plan's indicators.toml
reading-no-indicator = the reading names no indicator
reading-no-period = the reading has no period
reading-percent-range = { $value } is a percentage outside 0–100
reading-percent-range-hint = `{ $id }` is measured in percent, from 0 to 100
reading-not-broken-down = `{ $id }` is not broken down, but this reading has a breakdown
reading-not-broken-down-hint = leave the breakdown empty, or name what it is broken down by in the indicator, like `breakdown = "province"`
reading-duplicate = `{ $id }` already has a reading for { $period }
reading-duplicate-breakdown = `{ $id }` already has a reading for { $period } ({ $breakdown })
reading-duplicate-hint = the first is on line { $line }; keep one of them
