package org.village.families.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
public class Child {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "family_id")
    private Family family;
    private String name;
    private String ageBand;

    protected Child() {
    }

    Child(Family family, String name, String ageBand) {
        this.family = family;
        this.name = name;
        this.ageBand = ageBand;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAgeBand() {
        return ageBand;
    }
}
