# Links to other sites, asked for by `check --external` and `build --check-links-external`.
external-dead = the link to { $url } is dead: { $why }
external-dead-hint = correct the address, link to where the page or document is now, or remove the link
external-unconfirmed = the link to { $url } could not be confirmed: { $why }
external-unconfirmed-hint = open it in a browser: the server may refuse automated checks, or be failing only for now
external-status = the server answers { $status }
external-no-host = its host name does not exist
external-connection = the connection failed ({ $why })
external-timed-out = no answer within { $seconds } s
external-tls = its secure connection failed ({ $why })
external-redirects = it redirects too many times (a redirect loop?)
external-bad-address = it is not a valid web address
