# Writes N small, distinct articles into DIR (run with -v n=2000 -v dir=/path -v tag=burst).
BEGIN {
    split("harbour council library bridge orchard festival railway museum hospital school market reservoir stadium theatre ferry tramway observatory archive garden brewery", nouns, " ")
    split("approves delays funds reopens expands studies rejects extends renames inspects", verbs, " ")
    split("northern coastal upland riverside eastern western southern central island valley", places, " ")
    srand(42)
    for (i = 1; i <= n; i++) {
        a = nouns[(i % 20) + 1]; b = nouns[(int(i / 20) % 20) + 1]; v = verbs[(i % 10) + 1]; p = places[(int(i / 7) % 10) + 1]
        f = sprintf("%s/%s-%04d.txt", dir, tag, i)
        printf "The %s %s board %s the %s plan, item %d\n\n", p, a, v, b, i > f
        printf "Officials in the %s district said on Tuesday that the %s project number %d would go ahead after a vote of %d to %d. ", p, a, i, 5 + i % 7, i % 5 >> f
        printf "Residents near the %s asked for more notice before work on the %s begins, and a survey of %d households is planned. ", b, a, 100 + i >> f
        printf "The decision, recorded as case %s-%d, follows months of debate about costs.\n", tag, i * 7919 >> f
        close(f)
    }
}
