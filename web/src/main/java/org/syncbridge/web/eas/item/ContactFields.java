package org.syncbridge.web.eas.item;

import static org.syncbridge.web.eas.ProtocolVersion.V12_0;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;
import static org.syncbridge.web.eas.item.ItemField.date;
import static org.syncbridge.web.eas.item.ItemField.list;
import static org.syncbridge.web.eas.item.ItemField.text;

import java.util.List;
import org.syncbridge.web.eas.ProtocolVersion;

/**
 * The Contacts class (MS-ASCNTC): every contact field of the Contacts and Contacts2 code pages
 * (Alias and WeightedRank belong to search results and the recipient cache, not to contacts).
 */
public final class ContactFields {
    private static final String C = "Contacts:";
    private static final String C2 = "Contacts2:";

    public static final List<ItemField> TABLE = List.of(
            date(C, "Anniversary", V2_5), text(C, "AssistantName", V2_5), text(C, "AssistantPhoneNumber", V2_5),
            date(C, "Birthday", V2_5), text(C, "Business2PhoneNumber", V2_5), text(C, "BusinessAddressCity", V2_5),
            text(C, "BusinessAddressCountry", V2_5), text(C, "BusinessAddressPostalCode", V2_5),
            text(C, "BusinessAddressState", V2_5), text(C, "BusinessAddressStreet", V2_5), text(C, "BusinessFaxNumber", V2_5),
            text(C, "BusinessPhoneNumber", V2_5), text(C, "CarPhoneNumber", V2_5), list(C, "Categories", "Category", V2_5),
            list(C, "Children", "Child", V2_5), text(C, "CompanyName", V2_5), text(C, "Department", V2_5),
            text(C, "Email1Address", V2_5), text(C, "Email2Address", V2_5), text(C, "Email3Address", V2_5),
            text(C, "FileAs", V2_5), text(C, "FirstName", V2_5), text(C, "Home2PhoneNumber", V2_5),
            text(C, "HomeAddressCity", V2_5), text(C, "HomeAddressCountry", V2_5), text(C, "HomeAddressPostalCode", V2_5),
            text(C, "HomeAddressState", V2_5), text(C, "HomeAddressStreet", V2_5), text(C, "HomeFaxNumber", V2_5),
            text(C, "HomePhoneNumber", V2_5), text(C, "JobTitle", V2_5), text(C, "LastName", V2_5),
            text(C, "MiddleName", V2_5), text(C, "MobilePhoneNumber", V2_5), text(C, "OfficeLocation", V2_5),
            text(C, "OtherAddressCity", V2_5), text(C, "OtherAddressCountry", V2_5), text(C, "OtherAddressPostalCode", V2_5),
            text(C, "OtherAddressState", V2_5), text(C, "OtherAddressStreet", V2_5), text(C, "PagerNumber", V2_5),
            text(C, "RadioPhoneNumber", V2_5), text(C, "Spouse", V2_5), text(C, "Suffix", V2_5), text(C, "Title", V2_5),
            text(C, "WebPage", V2_5), text(C, "YomiCompanyName", V2_5), text(C, "YomiFirstName", V2_5),
            text(C, "YomiLastName", V2_5), text(C, "Picture", V2_5),
            text(C2, "CustomerId", V2_5), text(C2, "GovernmentId", V2_5), text(C2, "IMAddress", V2_5),
            text(C2, "IMAddress2", V2_5), text(C2, "IMAddress3", V2_5), text(C2, "ManagerName", V2_5),
            text(C2, "CompanyMainPhone", V2_5), text(C2, "AccountName", V2_5), text(C2, "NickName", V2_5),
            text(C2, "MMS", V2_5), text(C, "Body", V2_5).until(V2_5).as("body"));

    /** Contacts carry a note as AirSyncBase Body from 12.0 (as Contacts Body in 2.5). */
    public static final ProtocolVersion BODY_SINCE = V12_0;

    private ContactFields() {
    }
}
