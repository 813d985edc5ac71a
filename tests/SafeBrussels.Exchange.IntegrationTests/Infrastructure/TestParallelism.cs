// Up to four test collections at once (xunit's default is one per core, two here): several collections spend most
// of their time waiting (a second process's job scheduler, a restarted database, a mail relay), and a waiting
// collection would otherwise hold one of the two places while the CPU idles.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
