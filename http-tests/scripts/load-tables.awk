# Formats load-bench.sh's results as markdown tables. Input, with -F'|': first the peak-RSS file
# (server|KiB), then the results (scenario|server|requests/s|transfer/s|requests per CPU-second|p50|p99|errors).
# -v peers="nginx jetty ...": the servers jhttp is compared with; ratios are to the best of them in each column.

# wrk's latency ("812.00us", "1.52ms", "1.01s") in milliseconds.
function ms(text) {
    if (text ~ /us$/) return text * 0.001
    if (text ~ /ms$/) return text + 0
    if (text ~ /s$/) return text * 1000
    return text + 0
}
function ratio(a, b) {
    return b > 0 ? sprintf("%.2f", a / b) : "-"
}
BEGIN {
    split(peers, list, " ")
    for (i in list) isPeer[list[i]] = 1
}
FNR == NR { rss[$1] = $2; servers[++serverCount] = $1; next }
{
    if (!($1 in seen)) { seen[$1] = 1; scenarios[++scenarioCount] = $1 }
    key = $1 SUBSEP $2
    rps[key] = $3; transfer[key] = $4; perCpu[key] = $5; p50[key] = $6; p99[key] = $7; errors[key] = $8
    if ($2 in isPeer) {
        if ($3 > bestRps[$1]) { bestRps[$1] = $3; bestRpsBy[$1] = $2 }
        if ($5 > bestCpu[$1]) { bestCpu[$1] = $5; bestCpuBy[$1] = $2 }
        if (!($1 in bestP99) || ms($7) < ms(bestP99[$1])) { bestP99[$1] = $7; bestP99By[$1] = $2 }
    }
}
END {
    print "| scenario | jhttp req/s | ÷ best peer | jhttp req per CPU-s | ÷ best peer | jhttp p50 · p99 | best peer p99 | jhttp errors |"
    print "|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= scenarioCount; i++) {
        s = scenarios[i]; key = s SUBSEP "jhttp"
        printf "| %s | %s | %s (%s) | %s | %s (%s) | %s · %s | %s (%s) | %s |\n", s, rps[key],
            ratio(rps[key], bestRps[s]), bestRpsBy[s], perCpu[key], ratio(perCpu[key], bestCpu[s]), bestCpuBy[s],
            p50[key], p99[key], bestP99[s], bestP99By[s], errors[key]
    }
    print ""
    print "Every server, median runs (transfer/s as wrk reports it; ratios to the best peer in the column):"
    print ""
    print "| scenario | server | req/s | transfer/s | req per CPU-s | p50 | p99 | errors | req/s ÷ best | per CPU-s ÷ best |"
    print "|---|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= scenarioCount; i++) {
        s = scenarios[i]
        for (j = 1; j <= serverCount; j++) {
            key = s SUBSEP servers[j]
            if (!(key in rps)) continue
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", s, servers[j], rps[key], transfer[key],
                perCpu[key], p50[key], p99[key], errors[key], ratio(rps[key], bestRps[s]), ratio(perCpu[key], bestCpu[s])
        }
    }
    print ""
    print "Peak RSS over the whole matrix (VmHWM; nginx's summed over its master and workers):"
    print ""
    print "| server | peak RSS |"
    print "|---|---|"
    for (j = 1; j <= serverCount; j++) printf "| %s | %d MiB |\n", servers[j], rss[servers[j]] / 1024
}
