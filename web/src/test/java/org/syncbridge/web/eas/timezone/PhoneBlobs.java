package org.syncbridge.web.eas.timezone;

/** Calendar:TimeZone values from the phone <-> Exchange captures in shared/fixtures/eas-captures. */
final class PhoneBlobs {
    private PhoneBlobs() {
    }

    /**
     * Exchange to a Galaxy S2 and an iPhone (gs2-exchange-deleteAMovedOccurrenceWhenTzChanges/006-Sync-response
     * and others): UTC+1, DST from the last Sunday of March 02:00 to the last Sunday of October 03:00, named by
     * Windows' French display name of Romance Standard Time, cut at 32 characters.
     */
    static final String BRUSSELS_NAMED = "xP///ygAVQBUAEMAKwAwADEAOgAwADAAKQAgAEIAcgB1AHgAZQBsAGwAZQBzACwAIABDAG8AcABlAG4AaABhAGcAdQAAAAoAAAAFAAMAAAAAAAAAAAAAACgAVQBUAEMAKwAwADEAOgAwADAAKQAgAEIAcgB1AHgAZQBsAGwAZQBzACwAIABDAG8AcABlAG4AaABhAGcAdQAAAAMAAAAFAAIAAAAAAAAAxP///w==";

    /**
     * A Galaxy S2 to Exchange (gs2-exchange-deleteAMovedOccurrenceWhenTzChangesFromDevice/012-Sync-request):
     * the same rules, unnamed, with DST ending on the fourth Sunday of October, which in 2013 was the last.
     */
    static final String CENTRAL_EUROPE_FOURTH_SUNDAY = "xP///wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAoAAAAEAAMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMAAAAFAAIAAAAAAAAAxP///w==";

    /**
     * Exchange (gs2-exchange-receive300EmailsInManualMode2/015-Sync-response, ios6-exchange-receive200Emails):
     * UTC-5, DST from the second Sunday of March to the first Sunday of November, its times written as wall
     * time after the change (03:00 and 01:00) where MS-DTYP has the time before it (02:00 and 02:00).
     */
    static final String EASTERN_UNNAMED = "LAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAsAAAABAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMAAAACAAMAAAAAAAAAxP///w==";
}
