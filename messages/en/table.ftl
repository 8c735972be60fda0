# Data tables of plans: CSV files and .xlsx workbooks, their columns and numbers.
# A message about a place in a worksheet; `{ $message }` is the message itself.
table-at-cell = sheet '{ $sheet }', cell { $cell }: { $message }
table-at-row = sheet '{ $sheet }', row { $row }: { $message }
table-no-data = { $file } has no data
table-csv-empty-hint = the first line must name the columns, separated by commas, and each line after it holds one row
table-csv-unreadable = { $file } cannot be read: { $error }
table-csv-quote = this quote mark opens a cell that is never closed
table-csv-quote-hint = end the quoted text with another " before the next separator (write "" for a quote mark inside it), or remove this quote
table-csv-quote-note = everything after it was read as one cell, so the lines after it were not checked
# The separator of a CSV file, inside the hints below (the others are ';' and ',').
table-separator-tab = a tab
table-csv-fields = expected { $expected } { $expected ->
        [one] value
       *[other] values
    }, one for each column of the header, but found { $found }
table-csv-decimal-comma-hint = a number written with a decimal comma (78,5) counts as two values in a comma-separated file: write 78.5; put text that contains a comma in double quotes
table-csv-extra-separator-hint = remove the extra { $separator }, or put text that contains { $separator } in double quotes
table-csv-missing-separator-hint = every row needs a value for each column, separated by { $separator }; an empty value still needs its { $separator }
table-csv-header-line = the header is on line { $line }
table-unread-column = the column '{ $name }' is not read
table-unread-column-did-you-mean = did you mean '{ $name }'? Rename the column to read it
table-unread-column-read = the columns read are { $columns }; others are left out
table-missing-column = the column '{ $name }' is missing
table-column-did-you-mean = did you mean '{ $written }'? Write the column's name as '{ $name }' (case and diacritics do not matter)
table-columns-required = the header must name these columns: { $columns }
table-header-has = the header has: { $names }
table-duplicate-column = the column name '{ $name }' is used twice
table-duplicate-column-hint = rename or remove one of the two columns
table-duplicate-column-note = it is also the name in { $earlier }
table-earlier-cell = cell { $cell }
table-earlier-column = column { $number }
table-unnamed-column = this value is in a column that has no name in the header
table-unnamed-column-in-row = this value is in a column that has no name in the header row
table-unnamed-column-cell-hint = write the column's name in cell { $cell }, or move the value into a named column
table-unnamed-column-line-hint = write the column's name in the header on line { $line }, or remove the value
# The part of a workbook that is too large.
table-part-sheet = sheet { $number }
table-part-shared-text = the text shared by its sheets
table-part-other = its part { $part }
table-workbook-too-large = { $part } inflates to more than { $mb } MB when unzipped
table-workbook-too-large-hint = a progress or task table needs far less: check that the file is the one meant; if it is, raise max_sheet_mb under [data] in site-config.toml (now { $mb })
table-sheet-unreadable = sheet '{ $sheet }' cannot be read
table-sheet-unreadable-hint = save the workbook again from the spreadsheet as .xlsx
table-reader-said = the reader said: { $error }
table-cell-too-large = the cell holds { $kb } KB of text, more than { $limit } KB
table-cell-too-large-hint = a cell of a table holds a value or a line of text; if this one is meant, raise max_cell_kb under [data] in site-config.toml
table-xlsx-empty-hint = put the data on a visible sheet: the first row names the columns and each row under it holds one row of data
table-too-wide = the header row runs to column { $column }, more than the { $max } columns a sheet of data may have
table-too-wide-hint = delete the value far to the right of the header row
table-xlsx-unreadable = { $file } cannot be read as an .xlsx workbook
table-xlsx-password-hint = remove the password (File > Info > Protect Workbook), then save it again as .xlsx
table-xlsx-old-xls-hint = this looks like an old .xls workbook: save it again from the spreadsheet as .xlsx (Excel Workbook)
table-xlsx-save-again-hint = save it again from the spreadsheet as .xlsx (Excel Workbook)
# Numbers in cells. `{ $example }` is 78.5 or 78,5, as the file writes decimals.
table-number-empty = expected a number, but the value is empty
table-number-empty-hint = write a number here, such as { $example }
table-number-expected = expected a number, found '{ $text }'
table-number-percent-hint = write the number without the % sign
table-number-formula-error-hint = the spreadsheet shows an error here ({ $text }): correct the formula or type the value
table-number-no-digits-hint = write a number such as { $example }; when there is no value yet, leave the cell empty
table-number-spaces-hint = remove the spaces inside the number
table-number-unit-hint = write only the number, without '{ $unit }'
table-number-only-hint = write only the number, such as { $example }
table-number-too-many-digits-hint = a number of more than { $digits } digits cannot be shown exactly; write it in a larger unit (thousands, millions) or round it
table-number-too-large-hint = the number is too large
table-number-ambiguous-hint = '{ $body }' could be read two ways: write { $whole } for the whole number, or { $decimal } for the decimal
table-number-decimal-comma-hint = write { $number }: in a ';'-separated file decimals take a comma
table-number-decimal-dot-hint = write { $number }, with a dot for decimals (to write decimal commas, save the file as ';'-separated CSV)
table-number-one-mark-hint = write digits with at most one decimal mark, such as { $example }
