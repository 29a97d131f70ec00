using Pipeline.Ingest.Watching;

namespace Pipeline.Ingest.Tests;

public class StabilityTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);
    private readonly StabilityTracker _tracker = new(Window, minimumAge: TimeSpan.FromSeconds(5), growingTimeout: TimeSpan.FromSeconds(10));

    private static InboxFile File(long size, DateTimeOffset modified, string name = "a.txt", bool link = false) =>
        new("/inbox/" + name, name, size, modified, link);

    [Fact]
    public void A_new_file_is_not_taken_at_first_sight()
    {
        _tracker.Observe([File(10, T0)], T0);

        Assert.Empty(_tracker.TakeDecided(T0));
        Assert.Equal(1, _tracker.PendingCount);
    }

    [Fact]
    public void A_file_unchanged_for_the_window_is_finished()
    {
        _tracker.Observe([File(10, T0)], T0);
        _tracker.Observe([File(10, T0)], T0 + Window);

        var decided = Assert.Single(_tracker.TakeDecided(T0 + Window));
        Assert.Equal(ArrivalVerdict.Finished, decided.Verdict);
        Assert.Equal(T0, decided.FirstSeen);
        Assert.Equal(0, _tracker.PendingCount);
    }

    [Fact]
    public void An_empty_file_waits_the_minimum_age_because_its_producer_may_not_have_written_yet()
    {
        _tracker.Observe([File(0, T0)], T0);
        _tracker.Observe([File(0, T0)], T0 + Window);
        Assert.Empty(_tracker.TakeDecided(T0 + Window));
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), _tracker.NextDecisionAt());

        _tracker.Observe([File(0, T0)], T0 + TimeSpan.FromSeconds(5));
        Assert.Equal(ArrivalVerdict.Finished, Assert.Single(_tracker.TakeDecided(T0 + TimeSpan.FromSeconds(5))).Verdict);
    }

    [Fact]
    public void A_change_in_size_or_time_restarts_the_window()
    {
        _tracker.Observe([File(10, T0)], T0);
        _tracker.Observe([File(20, T0 + Window)], T0 + Window);
        Assert.Empty(_tracker.TakeDecided(T0 + Window));

        _tracker.Observe([File(20, T0 + Window)], T0 + (Window * 1.5));
        Assert.Empty(_tracker.TakeDecided(T0 + (Window * 1.5)));

        _tracker.Observe([File(20, T0 + Window)], T0 + (Window * 2));
        Assert.Equal(ArrivalVerdict.Finished, Assert.Single(_tracker.TakeDecided(T0 + (Window * 2))).Verdict);
    }

    [Fact]
    public void A_rewrite_with_the_same_size_restarts_the_window()
    {
        _tracker.Observe([File(10, T0)], T0);
        _tracker.Observe([File(10, T0 + TimeSpan.FromMilliseconds(400))], T0 + Window);

        Assert.Empty(_tracker.TakeDecided(T0 + Window));
    }

    [Fact]
    public void A_file_already_older_than_the_minimum_age_is_taken_at_first_sight()
    {
        var now = T0 + TimeSpan.FromMinutes(1);
        _tracker.Observe([File(10, T0)], now);

        Assert.Equal(ArrivalVerdict.Finished, Assert.Single(_tracker.TakeDecided(now)).Verdict);
    }

    [Fact]
    public void A_file_that_keeps_changing_is_judged_growing_after_the_timeout()
    {
        var now = T0;
        long size = 0;
        List<Arrival> decided = [];
        while (decided.Count == 0 && now < T0 + TimeSpan.FromSeconds(30))
        {
            size += 100;
            _tracker.Observe([File(size, now)], now);
            decided = _tracker.TakeDecided(now);
            now += TimeSpan.FromMilliseconds(250);
        }

        var arrival = Assert.Single(decided);
        Assert.Equal(ArrivalVerdict.KeepsGrowing, arrival.Verdict);
        Assert.InRange(now - T0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public void A_file_that_vanished_is_forgotten()
    {
        _tracker.Observe([File(10, T0), File(10, T0, "b.txt")], T0);
        _tracker.Observe([File(10, T0, "b.txt")], T0 + Window);

        var decided = Assert.Single(_tracker.TakeDecided(T0 + Window));
        Assert.Equal("b.txt", decided.File.RelativePath);
        Assert.Equal(0, _tracker.PendingCount);
    }

    [Fact]
    public void A_symbolic_link_is_decided_at_once()
    {
        _tracker.Observe([File(10, T0, "link.txt", link: true)], T0);

        Assert.Equal(ArrivalVerdict.SymbolicLink, Assert.Single(_tracker.TakeDecided(T0)).Verdict);
    }

    [Fact]
    public void The_next_decision_is_due_when_the_quietest_pending_file_has_been_unchanged_for_the_window()
    {
        Assert.Null(_tracker.NextDecisionAt());
        _tracker.Observe([File(10, T0, "a.txt")], T0);
        _tracker.Observe([File(10, T0, "a.txt"), File(5, T0 + TimeSpan.FromMilliseconds(100), "b.txt")], T0 + TimeSpan.FromMilliseconds(100));

        Assert.Equal(T0 + Window, _tracker.NextDecisionAt());

        // a.txt grew: its window restarts, and b.txt (written later) is now the first one due.
        _tracker.Observe([File(30, T0 + TimeSpan.FromMilliseconds(200), "a.txt"), File(5, T0 + TimeSpan.FromMilliseconds(100), "b.txt")], T0 + TimeSpan.FromMilliseconds(200));
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(100) + Window, _tracker.NextDecisionAt());
    }

    [Fact]
    public void A_file_written_between_two_scans_is_quiet_since_its_last_write_not_since_the_scan_that_saw_it()
    {
        var written = T0 + TimeSpan.FromMilliseconds(100);
        _tracker.Observe([], T0);
        _tracker.Observe([File(10, written)], T0 + TimeSpan.FromMilliseconds(160));

        Assert.Equal(written + Window, _tracker.NextDecisionAt());
        _tracker.Observe([File(10, written)], written + Window);
        var decided = Assert.Single(_tracker.TakeDecided(written + Window));
        Assert.Equal(ArrivalVerdict.Finished, decided.Verdict);
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(160), decided.FirstSeen);
    }

    [Fact]
    public void A_change_between_two_scans_restarts_the_window_from_the_write()
    {
        _tracker.Observe([File(10, T0)], T0);
        var rewritten = T0 + TimeSpan.FromMilliseconds(300);
        _tracker.Observe([File(20, rewritten)], T0 + TimeSpan.FromMilliseconds(400));

        Assert.Equal(rewritten + Window, _tracker.NextDecisionAt());
    }

    [Fact]
    public void A_modification_time_older_than_the_previous_scan_gains_the_file_only_the_time_since_that_scan()
    {
        // Copies that keep the original time, or a share whose clock is slow, must not skip the window.
        _tracker.Observe([], T0);
        _tracker.Observe([File(10, T0 - TimeSpan.FromSeconds(2))], T0 + TimeSpan.FromMilliseconds(100));

        Assert.Empty(_tracker.TakeDecided(T0 + TimeSpan.FromMilliseconds(100)));
        Assert.Equal(T0 + Window, _tracker.NextDecisionAt());
    }

    [Fact]
    public void A_modification_time_in_the_future_counts_from_the_scan_that_saw_the_file()
    {
        var seen = T0 + TimeSpan.FromMilliseconds(100);
        _tracker.Observe([], T0);
        _tracker.Observe([File(10, T0 + TimeSpan.FromHours(1))], seen);

        Assert.Equal(seen + Window, _tracker.NextDecisionAt());
    }

    [Fact]
    public void On_the_first_scan_a_fresh_file_counts_from_that_scan_since_nothing_bounds_when_it_was_written()
    {
        _tracker.Observe([File(10, T0 - TimeSpan.FromMilliseconds(400))], T0);

        Assert.Equal(T0 + Window, _tracker.NextDecisionAt());
    }
}
