package org.syncbridge.web.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.syncbridge.auth.Permission;

/** The resource needs a user's Basic login and the permission named, if one is (none: any enabled user). */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UserLogin {
    Permission[] value() default {};
}
