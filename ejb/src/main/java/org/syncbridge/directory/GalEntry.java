package org.syncbridge.directory;

import org.syncbridge.persistence.tenant.DirectoryCard;
import org.syncbridge.persistence.tenant.User;

/**
 * A user as the Global Address Book shows it. Without a first and last name on the card they come
 * from the display name: its last word is the last name, the words before it the first name.
 *
 * @param alias     the login name
 * @param photoSize the photo's size in bytes, null without one
 */
public record GalEntry(long userId, String displayName, String firstName, String lastName, String alias,
                       String emailAddress, String title, String company, String office, String phone,
                       String mobilePhone, String homePhone, Integer photoSize) {

    static GalEntry of(User u) {
        DirectoryCard card = u.getDirectory();
        String display = u.getDisplayName() != null && !u.getDisplayName().isBlank() ? u.getDisplayName().trim() : u.getLoginName();
        String first = card.getFirstName();
        String last = card.getLastName();
        if (first == null && last == null) {
            String[] words = display.split("\\s+");
            last = words[words.length - 1];
            first = words.length > 1 ? display.substring(0, display.lastIndexOf(last)).trim() : null;
        }
        return new GalEntry(u.getId(), display, first, last, u.getLoginName(), u.getPrimaryEmail(), card.getTitle(),
                card.getCompany(), card.getOffice(), card.getBusinessPhone(), card.getMobilePhone(), card.getHomePhone(),
                u.getPhotoSize());
    }
}
