package org.syncbridge.persistence.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What the Global Address Book shows of a user besides display name and addresses; replaced whole, never changed. */
@Embeddable
public class DirectoryCard {
    /** A user without any of these fields: JPA loads such a card as null. */
    public static final DirectoryCard EMPTY = new DirectoryCard();

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "title")
    private String title;

    @Column(name = "company")
    private String company;

    @Column(name = "office")
    private String office;

    @Column(name = "business_phone", length = 64)
    private String businessPhone;

    @Column(name = "mobile_phone", length = 64)
    private String mobilePhone;

    @Column(name = "home_phone", length = 64)
    private String homePhone;

    protected DirectoryCard() {
    }

    public DirectoryCard(String firstName, String lastName, String title, String company, String office,
                         String businessPhone, String mobilePhone, String homePhone) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.title = title;
        this.company = company;
        this.office = office;
        this.businessPhone = businessPhone;
        this.mobilePhone = mobilePhone;
        this.homePhone = homePhone;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getTitle() {
        return title;
    }

    public String getCompany() {
        return company;
    }

    public String getOffice() {
        return office;
    }

    public String getBusinessPhone() {
        return businessPhone;
    }

    public String getMobilePhone() {
        return mobilePhone;
    }

    public String getHomePhone() {
        return homePhone;
    }
}
